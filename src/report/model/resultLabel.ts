import { OUTCOME_LABELS_VI, SEVERITY_LABELS_VI } from "../../domain/outcome";
import type { Result } from "../../domain/result";

/** "Đạt", "Không đạt (nặng)", … or "Chưa đánh giá" for a criterion nobody scored. */
export function resultLabel(r: Pick<Result, "outcome" | "severity"> | undefined): string {
  if (!r?.outcome) return "Chưa đánh giá";
  const base = OUTCOME_LABELS_VI[r.outcome];
  return r.outcome === "nonconform" && r.severity ? `${base} (${SEVERITY_LABELS_VI[r.severity]})` : base;
}
