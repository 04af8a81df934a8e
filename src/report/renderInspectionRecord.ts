import type { InspectionExport } from "../domain/inspectionExport";
import { createPdfWriter } from "./pdf/createPdfWriter";
import { downscaleImage } from "./pdf/downscaleImage";
import { pdfBytes } from "./pdf/pdfBytes";
import { buildInspectionRecordModel } from "./record/buildInspectionRecordModel";
import { drawInspectionRecord } from "./record/drawInspectionRecord";
import type { RecordOptions } from "./record/RecordOptions";

/**
 * The inspection record (biên bản kiểm tra, Mẫu 21 BBKT) of an `htqlcl-inspection/1` export, as PDF bytes.
 * The app (through `await import()`) and `npm run report -- record` both call this. Photos within the report
 * size (an app export carries them so) are embedded byte for byte, so Node and the browser give the same PDF;
 * a larger photo is downscaled in the browser and embedded as it is in Node, which cannot decode images.
 */
export async function renderInspectionRecord(exp: InspectionExport, opts: RecordOptions = {}): Promise<Uint8Array> {
  const model = buildInspectionRecordModel(exp, opts);
  model.photos.items = await Promise.all(
    model.photos.items.map(async (p) => {
      const small = await downscaleImage(p);
      return small === p ? p : { ...p, ...small };
    }),
  );
  const w = createPdfWriter({ title: model.meta.title, subject: model.meta.subject, author: model.meta.author, date: model.meta.date, font: opts.font });
  drawInspectionRecord(w, model);
  return pdfBytes(w);
}
