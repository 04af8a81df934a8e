import type { Criterion } from "../../domain/checklist";

/** What a criterion asks, as one cell: its activities, one per line, with `bullet` when there are several. */
export function criterionText(c: Criterion, bullet = "- "): string {
  if (c.activities.length <= 1) return c.activities[0] ?? c.code;
  return c.activities.map((a) => `${bullet}${a}`).join("\n");
}
