import type { Checklist } from "../../domain/checklist";
import type { ResultRow } from "./rowTypes";

/** Criteria of the scored sections not yet answered, or marked Không áp dụng without a reason. */
export function inspectionGaps(checklist: Checklist, results: readonly ResultRow[]): { unanswered: string[]; naWithoutReason: string[] } {
  const byCode = new Map(results.map((r) => [r.criterionCode, r]));
  const unanswered: string[] = [];
  const naWithoutReason: string[] = [];
  for (const s of checklist.sections) {
    if (!s.scored) continue;
    for (const it of s.items)
      for (const c of it.criteria) {
        const r = byCode.get(c.code);
        if (!r?.outcome) unanswered.push(c.code);
        else if (r.outcome === "na" && !r.naReason?.trim()) naWithoutReason.push(c.code);
      }
  }
  return { unanswered, naWithoutReason };
}
