import type { Checklist } from "../../domain/checklist";
import { checklistRowId } from "../../domain/checklistRecord";
import type { Inspection } from "../../domain/inspection";
import { addMonths } from "../../domain/isoDate";
import type { AppDb } from "./AppDb";
import type { Edit } from "./Edit";
import { SIGNING_GAP_LABELS_VI, signingGaps } from "../../domain/signingGaps";
import { inspectionGaps } from "./inspectionGaps";
import { issuerSymbolProblems } from "../../domain/issuerProblems";
import { issuerSymbolProblem } from "../../domain/issuerSymbolProblem";
import { loadIssuerSettings } from "./loadIssuerSettings";
import { META } from "./META";
import type { Session } from "./Session";
import { writeEdits, type WriteOptions } from "./writeEdits";
import { WriteRefusedError } from "./WriteRefusedError";

export type Signing = Pick<Inspection, "signedOn"> & Partial<Pick<Inspection, "recordNumber" | "leadName" | "agencyRepresentative" | "leadSignature" | "agencySignature" | "agencyComments">>;

/**
 * The team lead signs and locks the inspection: signing fields, the due date of actions still without one
 * (signedOn + 2 months), then status `finalized`, all in one transaction (the status is stamped last, so the
 * signing fields are inside the lock). Refuses while a scored criterion is unanswered, N/A without reason or
 * Không đạt without a severity, and while a signatory, the record number or the signing date is missing. The
 * province's issuer settings are frozen into the inspection (field `issuer`); refused while a number symbol does
 * not match the issuing body. Without settings nothing is frozen (the review screen warns) and the record prints its
 * fixed defaults, the same on every device.
 */
export async function finalizeInspection(db: AppDb, inspectionId: string, s: Signing, opts: WriteOptions & { checklist?: Checklist } = {}): Promise<void> {
  const session = (await db.meta.get(META.session))?.value as Session | undefined;
  if (session?.user.role === "inspector") throw new WriteRefusedError("Chỉ trưởng đoàn được ký và kết thúc cuộc kiểm tra.");
  const insp = await db.inspections.get(inspectionId);
  if (!insp) throw new WriteRefusedError("Không tìm thấy cuộc kiểm tra.");
  if (insp.status === "finalized") throw new WriteRefusedError("Cuộc kiểm tra đã kết thúc.");
  if (s.signedOn && insp.startedOn && s.signedOn < insp.startedOn) {
    throw new WriteRefusedError(`Ngày ký biên bản (${s.signedOn.split("-").reverse().join("/")}) không được trước ngày kiểm tra (${insp.startedOn.split("-").reverse().join("/")}).`);
  }
  const checklist =
    opts.checklist ??
    (insp.checklistId && insp.checklistVersion ? (await db.checklists.get(checklistRowId(insp.checklistId, insp.checklistVersion)))?.document : undefined);
  if (checklist) {
    const gaps = inspectionGaps(checklist, await db.results.where("inspectionId").equals(inspectionId).toArray());
    if (gaps.unanswered.length > 0) throw new WriteRefusedError(`Còn ${gaps.unanswered.length} tiêu chí chưa đánh giá (ví dụ ${gaps.unanswered[0]}).`);
    if (gaps.naWithoutReason.length > 0) throw new WriteRefusedError(`Tiêu chí ${gaps.naWithoutReason.join(", ")} "Không áp dụng" nhưng chưa ghi lý do.`);
    if (gaps.nonconformWithoutSeverity.length > 0) {
      throw new WriteRefusedError(`Tiêu chí ${gaps.nonconformWithoutSeverity.join(", ")} "Không đạt" nhưng chưa chọn mức độ (nặng / nhẹ).`);
    }
  }
  const signing = signingGaps({ ...insp, ...Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) });
  if (signing.length > 0) throw new WriteRefusedError(`Chưa thể ký và khoá: ${signing.map((g) => SIGNING_GAP_LABELS_VI[g]).join("; ")}.`);
  // The province's issuer settings as they stand are frozen into the record, so every copy prints the same header,
  // number symbol and recipients, whatever the device's or the console's settings later say.
  const issuer = insp.province ? await loadIssuerSettings(db, insp.province) : undefined;
  if (issuer) {
    const problems = issuerSymbolProblems(issuer);
    const typed = s.recordNumber ?? insp.recordNumber ?? "";
    const numberProblem = typed.includes("/") ? issuerSymbolProblem("record", issuer.issuingBody, typed) : null;
    if (numberProblem) problems.push(numberProblem);
    if (problems.length > 0) throw new WriteRefusedError(`Chưa thể ký và khoá: ${problems.join(" ")}`);
  }
  const edits: Edit[] = [];
  for (const [field, value] of Object.entries(s)) if (value !== undefined) edits.push({ entity: "inspection", rowId: inspectionId, field, value });
  if (s.signedOn) {
    const due = addMonths(s.signedOn, 2);
    for (const a of await db.actions.where("inspectionId").equals(inspectionId).toArray()) {
      if (!a.dueOn && !a.deleted) edits.push({ entity: "action", rowId: a.id, field: "dueOn", value: due });
    }
  }
  if (issuer) edits.push({ entity: "inspection", rowId: inspectionId, field: "issuer", value: issuer });
  edits.push({ entity: "inspection", rowId: inspectionId, field: "status", value: "finalized" });
  await writeEdits(db, edits, opts);
}
