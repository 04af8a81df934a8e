import type { PlanEntry } from "../../domain/plan";
import type { PlanCheck } from "../../domain/planCheck";

/**
 * A starting plan: a desk review for every agency in scope, and on-site visits for the required share of the
 * agencies that must run a QMS (TT 26 Art. 33.2.b), choosing first those whose last results were weakest
 * (`priority`, higher first). Units flagged by the 2025 reorganisation are not in scope, so they stay out until DOST
 * records their successor. Teams take turns; desk reviews fall in the first half of the year and visits in the second.
 * Given a bare list, every agency in it counts as required.
 */
export function defaultPlanEntries(
  scope: readonly string[] | Pick<PlanCheck, "inScope" | "requiredSet">,
  teams: readonly string[],
  share: number,
  priority: ReadonlyMap<string, number> = new Map(),
): PlanEntry[] {
  if (teams.length === 0) return [];
  const inScope = "inScope" in scope ? scope.inScope : scope;
  const requiredSet = "requiredSet" in scope ? scope.requiredSet : scope;
  const entries: PlanEntry[] = [];
  inScope.forEach((agencyId, i) => entries.push({ agencyId, mode: "desk", teamId: teams[i % teams.length]!, month: 3 + (i % 4) }));
  const required = Math.ceil(share * requiredSet.length - 1e-9);
  const ranked = [...requiredSet].sort((a, b) => (priority.get(b) ?? 0) - (priority.get(a) ?? 0) || (a < b ? -1 : 1));
  ranked.slice(0, required).forEach((agencyId, i) => entries.push({ agencyId, mode: "onsite", teamId: teams[i % teams.length]!, month: 7 + (i % 4) }));
  return entries;
}
