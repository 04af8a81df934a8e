import type { Action } from "../../domain/action";
import type { Agency } from "../../domain/agency";
import type { Attachment } from "../../domain/attachment";
import type { Checklist } from "../../domain/checklist";
import { checklistRowId } from "../../domain/checklistRecord";
import type { Finding } from "../../domain/finding";
import type { Inspection } from "../../domain/inspection";
import type { IssuerFields } from "../../domain/issuerSettings";
import { InspectionExportSchema, type InspectionExport } from "../../domain/inspectionExport";
import type { Result } from "../../domain/result";
import type { AppDb } from "./AppDb";
import { base64 } from "./base64";
import { plainRow } from "./plainRow";
import { WriteRefusedError } from "./WriteRefusedError";

export interface ExportOptions {
  /** The checklist when the tablet has no copy of its version (a built-in one). */
  checklist?: Checklist;
  issuer?: InspectionExport["issuer"];
  /** The province's issuer settings, printed on a draft's copy (a finalized inspection carries its frozen own). */
  issuerSettings?: IssuerFields;
  /** Leave photo bytes out (smaller file; the record renders without them). */
  withoutPhotos?: boolean;
  /**
   * Turns a photo (base64) into the one the export carries; returns the same object to keep it. The app passes
   * the report's downscaler (src/app/photos/exportWithReportPhotos.ts); this module imports no report code.
   */
  shrinkPhoto?: (photo: { mime: string; data: string }) => Promise<{ mime: string; data: string; width?: number; height?: number }>;
  now?: number;
}

/** One inspection as `htqlcl-inspection/1`, the file the PDF record is rendered from (photos as base64). */
export async function exportInspection(db: AppDb, inspectionId: string, opts: ExportOptions = {}): Promise<InspectionExport> {
  const row = await db.inspections.get(inspectionId);
  if (!row) throw new WriteRefusedError("Không tìm thấy cuộc kiểm tra.");
  const inspection = plainRow<Inspection>(row, {
    planId: null, decisionRef: "", decisionDate: null, place: "", leadName: "", agencyRepresentative: "", members: [], agencyMembers: [],
    notes: "", agencyComments: "", recordNumber: "", signedOn: null, leadSignature: null, agencySignature: null, status: "draft",
  });
  if (opts.issuerSettings && inspection.status !== "finalized" && !inspection.issuer) inspection.issuer = opts.issuerSettings;
  const checklist =
    (await db.checklists.get(checklistRowId(inspection.checklistId, inspection.checklistVersion)))?.document ??
    (opts.checklist?.id === inspection.checklistId && opts.checklist.version === inspection.checklistVersion ? opts.checklist : undefined);
  if (!checklist) throw new WriteRefusedError(`Máy chưa có bộ tiêu chí ${inspection.checklistId} phiên bản ${inspection.checklistVersion}.`);
  const agencyRow = await db.agencies.get(inspection.agencyId);
  if (!agencyRow) throw new WriteRefusedError("Máy chưa có thông tin cơ quan được kiểm tra.");
  const agency = plainRow<Agency>(agencyRow, { parentId: null, validFrom: null, validTo: null, successorId: null, successorKind: null, needsReview: false, province: inspection.province });
  const byId = <T extends { id: string }>(a: T[]) => a.sort((x, y) => (x.id < y.id ? -1 : 1));
  const results = byId(await db.results.where("inspectionId").equals(inspectionId).toArray()).map((r) =>
    plainRow<Result>(r, { outcome: null, severity: null, note: "", evidence: [], documents: [], naReason: "", inspectionId }),
  );
  const findings = byId(await db.findings.where("inspectionId").equals(inspectionId).toArray())
    .map((f) => plainRow<Finding>(f, { criterionCode: null, kind: "nonconformity", severity: null, text: "", deleted: false, inspectionId }))
    .filter((f) => !f.deleted);
  const actions = byId(await db.actions.where("inspectionId").equals(inspectionId).toArray())
    .map((a) =>
      plainRow<Action>(a, {
        description: "", owner: "", dueOn: null, status: "open", agencyReport: "", reportedOn: null, decisionNote: "", noticeNumber: "", verifiedOn: null, deleted: false, inspectionId,
      }),
    )
    .filter((a) => !a.deleted);
  const attachments: (Attachment & { data?: string })[] = [];
  for (const r of byId(await db.attachments.where("inspectionId").equals(inspectionId).toArray())) {
    const a = plainRow<Attachment>(r, { caption: "", takenAt: "", width: null, height: null, deleted: false, inspectionId });
    if (a.deleted) continue;
    const blob = opts.withoutPhotos ? undefined : await db.blobs.get(a.sha256);
    if (!blob) {
      attachments.push(a);
      continue;
    }
    const photo = { mime: a.mime, data: base64.encode(blob.bytes) };
    const shrunk: Awaited<ReturnType<NonNullable<ExportOptions["shrinkPhoto"]>>> = opts.shrinkPhoto && a.mime.startsWith("image/") ? await opts.shrinkPhoto(photo) : photo;
    if (shrunk === photo || !isImageMime(shrunk.mime)) {
      attachments.push({ ...a, data: photo.data });
      continue;
    }
    // mime, bytes, width and height describe the bytes carried; sha256 still names the stored original.
    attachments.push({
      ...a,
      mime: shrunk.mime,
      bytes: base64.decode(shrunk.data).length,
      width: shrunk.width ?? null,
      height: shrunk.height ?? null,
      data: shrunk.data,
    });
  }
  const doc = {
    format: "htqlcl-inspection/1" as const,
    checklist,
    agency,
    inspection,
    results,
    findings,
    actions,
    attachments,
    ...(opts.issuer ? { issuer: opts.issuer } : {}),
    exportedAt: new Date(opts.now ?? Date.now()).toISOString(),
  };
  const parsed = InspectionExportSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new WriteRefusedError(`Dữ liệu cuộc kiểm tra chưa đủ để xuất (${issue?.path.join(".") ?? "?"}: ${issue?.message ?? ""}).`);
  }
  return parsed.data;
}

function isImageMime(m: string): m is "image/jpeg" | "image/png" | "image/webp" {
  return m === "image/jpeg" || m === "image/png" || m === "image/webp";
}
