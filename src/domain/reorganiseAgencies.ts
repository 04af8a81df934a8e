import type { Agency } from "./agency";

export interface Reorganisation {
  /** The units that end. */
  sources: readonly Agency[];
  /** The unit they become (existing or new). */
  successor: Agency;
  kind: "merged" | "renamed";
  /** The successor's first day; the sources end the day before. */
  effectiveOn: string;
  /** The successor was already in the registry (units absorbed into it): it keeps its own validity period. */
  successorExisted?: boolean;
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The registry records after a merger or a renaming: each source ends the day before and links to its successor,
 * which starts on the effective day unless it already existed. Sources keep their ids, so their past inspections
 * stay attached to them.
 */
export function reorganiseAgencies(r: Reorganisation): Agency[] {
  if (r.kind === "renamed" && r.sources.length !== 1) throw new Error("a renaming has exactly one source");
  const last = dayBefore(r.effectiveOn);
  const ended = r.sources
    .filter((s) => s.id !== r.successor.id)
    .map((s) => ({ ...s, validTo: s.validTo !== null && s.validTo < last ? s.validTo : last, successorId: r.successor.id, successorKind: r.kind }));
  if (r.sources.some((s) => s.id === r.successor.id) && r.kind === "renamed") throw new Error("a unit is not renamed to itself");
  const successor: Agency = r.successorExisted ? r.successor : { ...r.successor, validFrom: r.successor.validFrom ?? r.effectiveOn };
  return [...ended, successor];
}
