import type { Agency } from "./agency";

/**
 * Every agency whose line of successors reaches `agencyId`, itself included: the units whose inspections make up its
 * history across renames and mergers.
 */
export function predecessorsOf(agencyId: string, agencies: readonly Pick<Agency, "id" | "successorId">[]): string[] {
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const out: string[] = [];
  for (const a of agencies) {
    if (a.id === agencyId) continue;
    let id = a.id;
    const seen = new Set<string>([id]);
    for (;;) {
      const next = byId.get(id)?.successorId;
      if (!next || seen.has(next)) break;
      if (next === agencyId) {
        out.push(a.id);
        break;
      }
      seen.add(next);
      id = next;
    }
  }
  return [agencyId, ...out.sort()];
}
