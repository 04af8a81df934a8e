import type { Agency } from "./agency";

type Lineage = Pick<Agency, "id" | "successorId">;

/**
 * Today's unit for an agency: follows successor links (merged into, renamed to) to the end. A cycle or a link to an
 * agency not in the registry stops at the last known unit, so a bad link never loses the agency.
 */
export function currentUnitOf(agencyId: string, byId: ReadonlyMap<string, Lineage>): string {
  let id = agencyId;
  const seen = new Set<string>([id]);
  for (;;) {
    const next = byId.get(id)?.successorId;
    if (!next || seen.has(next) || !byId.has(next)) return id;
    seen.add(next);
    id = next;
  }
}
