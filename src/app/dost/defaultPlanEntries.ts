import type { PlanEntry } from "../../domain/plan";

/**
 * A starting plan: a desk review for every agency in scope, and on-site visits for the required share, choosing
 * first the agencies whose last results were weakest (`priority`, higher first). Teams take turns; desk reviews
 * fall in the first half of the year and visits in the second.
 */
export function defaultPlanEntries(inScope: readonly string[], teams: readonly string[], share: number, priority: ReadonlyMap<string, number> = new Map()): PlanEntry[] {
  if (teams.length === 0) return [];
  const entries: PlanEntry[] = [];
  inScope.forEach((agencyId, i) => entries.push({ agencyId, mode: "desk", teamId: teams[i % teams.length]!, month: 3 + (i % 4) }));
  const required = Math.ceil(share * inScope.length - 1e-9);
  const ranked = [...inScope].sort((a, b) => (priority.get(b) ?? 0) - (priority.get(a) ?? 0) || (a < b ? -1 : 1));
  ranked.slice(0, required).forEach((agencyId, i) => entries.push({ agencyId, mode: "onsite", teamId: teams[i % teams.length]!, month: 7 + (i % 4) }));
  return entries;
}
