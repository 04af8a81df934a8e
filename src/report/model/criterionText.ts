import type { Criterion } from "../../domain/checklist";

/** What a criterion asks, as one cell: its activities, bulleted when there are several. */
export function criterionText(c: Criterion): string {
  if (c.activities.length <= 1) return c.activities[0] ?? c.code;
  return c.activities.map((a) => `- ${a}`).join("\n");
}
