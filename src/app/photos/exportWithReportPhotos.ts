import type { AppDb } from "../db/AppDb";
import { exportInspection, type ExportOptions } from "../db/exportInspection";

/**
 * The app's inspection export (both "Xuất biên bản PDF" and "Xuất dữ liệu cuộc kiểm tra"): every photo already
 * downscaled, in this browser, to the report size (1024 px long side, JPEG; a stored WebP becomes JPEG even when
 * small enough, since jsPDF cannot embed WebP), so the record rendered from this file is the same PDF, byte for
 * byte, in the app and in `npm run report -- record`.
 */
export async function exportWithReportPhotos(db: AppDb, inspectionId: string, opts: Omit<ExportOptions, "shrinkPhoto"> = {}) {
  // The report's own downscaler (a small module without jsPDF), loaded lazily like the rest of the report code.
  const { downscaleImage } = await import("../../report/pdf/downscaleImage");
  return exportInspection(db, inspectionId, { ...opts, shrinkPhoto: downscaleImage });
}
