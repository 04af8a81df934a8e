import type { Checklist } from "../../domain/checklist";
import type { ResultRow } from "./rowTypes";

export interface InspectionGaps {
  unanswered: string[];
  naWithoutReason: string[];
  nonconformWithoutSeverity: string[];
}

/** Criteria of the scored sections not yet answered, Không áp dụng without a reason, or Không đạt without a severity. */
export function inspectionGaps(checklist: Checklist, results: readonly ResultRow[]): InspectionGaps {
  const byCode = new Map(results.map((r) => [r.criterionCode, r]));
  const unanswered: string[] = [];
  const naWithoutReason: string[] = [];
  const nonconformWithoutSeverity: string[] = [];
  for (const s of checklist.sections) {
    if (!s.scored) continue;
    for (const it of s.items)
      for (const c of it.criteria) {
        const r = byCode.get(c.code);
        if (!r?.outcome) unanswered.push(c.code);
        else if (r.outcome === "na" && !r.naReason?.trim()) naWithoutReason.push(c.code);
        else if (r.outcome === "nonconform" && !r.severity) nonconformWithoutSeverity.push(c.code);
      }
  }
  return { unanswered, naWithoutReason, nonconformWithoutSeverity };
}
