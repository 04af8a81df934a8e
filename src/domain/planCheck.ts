import type { Agency } from "./agency";
import type { Plan } from "./plan";
import { PLAN_BLOCKING_FLAGS, qmsUnitOf, registryEntries, type RegistryFlag } from "./registryFlags";

export type PlanProblem =
  | { kind: "missing_desk"; agencyId: string }
  | { kind: "onsite_share"; onsite: number; required: number }
  | { kind: "unknown_agency"; agencyId: string }
  | { kind: "not_valid"; agencyId: string; month: number }
  | { kind: "duplicate"; agencyId: string; mode: string }
  | { kind: "share_below_minimum"; share: number }
  | { kind: "flagged"; agencyId: string; flags: RegistryFlag[] };

export interface PlanCheck {
  /**
   * Agencies the plan can list this year: the province's reviewed units still existing on 31/12, whatever their
   * scope, less those flagged by the 2025 reorganisation (until DOST records a successor) and less the Văn phòng
   * UBND tỉnh, which is inspected with the UBND tỉnh (TT 26 Art. 6.1).
   */
  inScope: string[];
  /** The part of `inScope` that must run a QMS (QĐ 19 Art. 2.1): every one needs a desk review (TT 26 Art. 33.2.a). */
  requiredSet: string[];
  /** Required agencies visited on site (an entry for the Văn phòng UBND tỉnh counts for the UBND tỉnh). */
  onsite: number;
  /** At least this many required agencies on site: ceil(share × required agencies) (TT 26 Art. 33.2.b). */
  required: number;
  /** Units left out of `inScope` by a flag, for DOST to resolve in the registry. */
  flagged: { agencyId: string; flags: RegistryFlag[] }[];
  problems: PlanProblem[];
}

const pad = (n: number) => String(n).padStart(2, "0");
function monthEnd(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/**
 * TT 26/2014 Art. 33–34: every agency that must run a QMS has a desk review, and at least the province's share of
 * them (default one third) is visited on site; agencies that are only encouraged or included by the UBND tỉnh's
 * decision may be planned but do not count. Also flags entries for unknown agencies, for agencies that did not exist
 * in the planned month, for units flagged by the 2025 reorganisation, and repeated entries.
 */
export function planCheck(plan: Pick<Plan, "year" | "province" | "entries" | "onsiteShare">, agencies: readonly Agency[]): PlanCheck {
  const yearEnd = `${plan.year}-12-31`;
  const validAtYearEnd = (a: Agency) => (a.validFrom === null || a.validFrom <= yearEnd) && (a.validTo === null || a.validTo >= yearEnd);
  const entriesRead = registryEntries(agencies.filter((a) => a.province === plan.province));
  const byId = new Map(entriesRead.map((e) => [e.agency.id, e.agency]));
  // An agency a team proposed is not in scope until DOST has reviewed it.
  const candidates = entriesRead.filter((e) => !e.agency.needsReview && validAtYearEnd(e.agency));
  const committee = candidates.find((e) => e.agency.kind === "province_committee")?.agency.id ?? null;
  const unitOf = (id: string) => {
    const a = byId.get(id);
    return a ? qmsUnitOf(a, committee) : id;
  };
  const blocked = (flags: readonly RegistryFlag[]) => flags.some((f) => PLAN_BLOCKING_FLAGS.has(f));
  const flagged = candidates.filter((e) => blocked(e.flags)).map((e) => ({ agencyId: e.agency.id, flags: e.flags.filter((f) => PLAN_BLOCKING_FLAGS.has(f)) }));
  const kept = candidates.filter((e) => !blocked(e.flags) && unitOf(e.agency.id) === e.agency.id);
  const inScope = kept.map((e) => e.agency.id).sort();
  const requiredSet = kept.filter((e) => e.scope === "required").map((e) => e.agency.id).sort();
  const flaggedIds = new Map(flagged.map((f) => [f.agencyId, f.flags]));
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
    const flags = flaggedIds.get(e.agencyId);
    if (flags && !problems.some((p) => p.kind === "flagged" && p.agencyId === e.agencyId)) problems.push({ kind: "flagged", agencyId: e.agencyId, flags });
    (e.mode === "desk" ? desk : onsite).add(unitOf(e.agencyId));
  }
  for (const id of requiredSet) if (!desk.has(id)) problems.push({ kind: "missing_desk", agencyId: id });
  const onsiteRequired = requiredSet.filter((id) => onsite.has(id)).length;
  // A small epsilon keeps 1/3 × 3 from rounding up to 2 through floating-point error.
  const required = Math.ceil(plan.onsiteShare * requiredSet.length - 1e-9);
  if (onsiteRequired < required) problems.push({ kind: "onsite_share", onsite: onsiteRequired, required });
  if (plan.onsiteShare < 1 / 3 - 1e-9) problems.push({ kind: "share_below_minimum", share: plan.onsiteShare });
  return { inScope, requiredSet, onsite: onsiteRequired, required, flagged, problems };
}
