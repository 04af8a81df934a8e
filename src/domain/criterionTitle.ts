import type { Criterion } from "./checklist";

/** A criterion's title for reports and the dashboard: its first "Nội dung thực hiện" line (an introducing colon
 * dropped, since the list it introduces is not shown), or its code when it has none. */
export function criterionTitle(c: Criterion): string {
  const first = c.activities[0]?.trim().replace(/\s*:$/, "");
  return first || c.code;
}
