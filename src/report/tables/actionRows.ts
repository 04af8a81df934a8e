import type { InspectionExport } from "../../domain/inspectionExport";
import { addMonths } from "../../domain/isoDate";
import { deepNfc } from "../pdf/deepNfc";
import { formatDateVi } from "../pdf/formatDateVi";
import { ACTION_STATUS_LABELS_VI } from "./ACTION_STATUS_LABELS_VI";

export const ACTION_COLUMNS = [
  "Cơ quan",
  "Ngày kiểm tra",
  "Mã tiêu chí",
  "Vấn đề tồn tại",
  "Hành động khắc phục",
  "Người chịu trách nhiệm",
  "Thời hạn",
  "Trạng thái",
  "Báo cáo của cơ quan",
  "Ngày báo cáo",
  "Nhận xét của đơn vị kiểm tra",
  "Số thông báo",
  "Ngày xác nhận hiệu lực",
];

/** One row per corrective action of every inspection (header row first). */
export function actionRows(raws: readonly InspectionExport[]): string[][] {
  const out: string[][] = [ACTION_COLUMNS];
  for (const e of deepNfc([...raws])) {
    const findings = new Map(e.findings.map((f) => [f.id, f]));
    // Without a date of its own an action is due when the record says: two months after signing.
    const deadline = addMonths(e.inspection.signedOn ?? e.inspection.startedOn, 2);
    for (const a of e.actions) {
      if (a.deleted) continue;
      const f = findings.get(a.findingId);
      out.push([
        e.agency.name,
        formatDateVi(e.inspection.startedOn),
        f?.criterionCode ?? "",
        f?.text.trim() ?? "",
        a.description.trim(),
        a.owner.trim(),
        formatDateVi(a.dueOn ?? deadline),
        ACTION_STATUS_LABELS_VI[a.status],
        a.agencyReport.trim(),
        a.reportedOn ? formatDateVi(a.reportedOn) : "",
        a.decisionNote.trim(),
        a.noticeNumber.trim(),
        a.verifiedOn ? formatDateVi(a.verifiedOn) : "",
      ]);
    }
  }
  return out;
}
