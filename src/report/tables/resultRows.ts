import type { InspectionExport } from "../../domain/inspectionExport";
import { SEVERITY_LABELS_VI } from "../../domain/outcome";
import { criterionText } from "../model/criterionText";
import { evidenceText } from "../model/evidenceText";
import { orderedCriteria } from "../model/orderedCriteria";
import { resultLabel } from "../model/resultLabel";
import { deepNfc } from "../pdf/deepNfc";
import { formatDateVi } from "../pdf/formatDateVi";

export const RESULT_COLUMNS = ["Cơ quan", "Ngày kiểm tra", "Hình thức", "Mục", "Mã tiêu chí", "Nội dung kiểm tra", "Kết quả", "Mức độ", "Ghi chú", "Hồ sơ, minh chứng đã xem"];

/** One row per scored criterion of every inspection (header row first), in checklist order. */
export function resultRows(raws: readonly InspectionExport[]): string[][] {
  const out: string[][] = [RESULT_COLUMNS];
  for (const e of deepNfc([...raws])) {
    const byCode = new Map(e.results.map((r) => [r.criterionCode, r]));
    for (const p of orderedCriteria(e.checklist)) {
      if (!p.section.scored) continue;
      const r = byCode.get(p.criterion.code);
      out.push([
        e.agency.name,
        formatDateVi(e.inspection.startedOn),
        e.inspection.mode === "onsite" ? "Tại trụ sở" : "Qua hồ sơ",
        p.section.code,
        p.criterion.code,
        criterionText(p.criterion, ""),
        resultLabel(r),
        r?.severity ? SEVERITY_LABELS_VI[r.severity] : "",
        [r?.note.trim(), r?.naReason.trim()].filter(Boolean).join("\n"),
        evidenceText(r, ""),
      ]);
    }
  }
  return out;
}
