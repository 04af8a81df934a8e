import type { Agency } from "./agency";
import type { Plan } from "./plan";

export type PlanProblem =
  | { kind: "missing_desk"; agencyId: string }
  | { kind: "onsite_share"; onsite: number; required: number }
  | { kind: "unknown_agency"; agencyId: string }
  | { kind: "not_valid"; agencyId: string; month: number }
  | { kind: "duplicate"; agencyId: string; mode: string }
  | { kind: "share_below_minimum"; share: number };

export interface PlanCheck {
  /** Agencies that must be inspected this year: the province's reviewed units still existing on 31/12. */
  inScope: string[];
  onsite: number;
  /** At least this many agencies on site: ceil(share × agencies in scope). */
  required: number;
  problems: PlanProblem[];
}

const pad = (n: number) => String(n).padStart(2, "0");
function monthEnd(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/**
 * TT 26/2014 Art. 33–34: every agency in scope has a desk review, and at least the province's share of them
 * (default one third) is visited on site. Also flags entries for unknown agencies, for agencies that did not exist
 * in the planned month, and repeated entries.
 */
export function planCheck(plan: Pick<Plan, "year" | "province" | "entries" | "onsiteShare">, agencies: readonly Agency[]): PlanCheck {
  const byId = new Map(agencies.filter((a) => a.province === plan.province).map((a) => [a.id, a]));
  const yearEnd = `${plan.year}-12-31`;
  const inScope = [...byId.values()]
    // An agency a team proposed is not in scope until DOST has reviewed it.
    .filter((a) => !a.needsReview && (a.validFrom === null || a.validFrom <= yearEnd) && (a.validTo === null || a.validTo >= yearEnd))
    .map((a) => a.id)
    .sort();
  const problems: PlanProblem[] = [];
  const desk = new Set<string>();
  const onsite = new Set<string>();
  const seen = new Set<string>();
  for (const e of plan.entries) {
    const key = `${e.agencyId}|${e.mode}`;
    if (seen.has(key)) problems.push({ kind: "duplicate", agencyId: e.agencyId, mode: e.mode });
    seen.add(key);
    const a = byId.get(e.agencyId);
    if (!a) {
      problems.push({ kind: "unknown_agency", agencyId: e.agencyId });
      continue;
    }
    const from = `${plan.year}-${pad(e.month)}-01`;
    if ((a.validTo !== null && a.validTo < from) || (a.validFrom !== null && a.validFrom > monthEnd(plan.year, e.month))) {
      problems.push({ kind: "not_valid", agencyId: e.agencyId, month: e.month });
    }
    (e.mode === "desk" ? desk : onsite).add(e.agencyId);
  }
  for (const id of inScope) if (!desk.has(id)) problems.push({ kind: "missing_desk", agencyId: id });
  const onsiteInScope = inScope.filter((id) => onsite.has(id)).length;
  // A small epsilon keeps 1/3 × 3 from rounding up to 2 through floating-point error.
  const required = Math.ceil(plan.onsiteShare * inScope.length - 1e-9);
  if (onsiteInScope < required) problems.push({ kind: "onsite_share", onsite: onsiteInScope, required });
  if (plan.onsiteShare < 1 / 3 - 1e-9) problems.push({ kind: "share_below_minimum", share: plan.onsiteShare });
  return { inScope, onsite: onsiteInScope, required, problems };
}
