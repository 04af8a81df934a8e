import type { Agency } from "./agency";
import { agencyKindOf } from "./agencyKindOf";
import { DISTRICT_LEVEL_LAST_DAY } from "./buildRegistry";
import { foldVietnamese } from "./foldVietnamese";
import { readAgency } from "./registryFlags";

export type SuccessorChoice = { successor: Agency; isNew: boolean } | { error: string };

/** How a unit is offered as a successor: its name and, to tell two units of one name apart, its parent's. */
export function successorLabel(a: Pick<Agency, "name" | "parentId">, byId: ReadonlyMap<string, Pick<Agency, "name">>): string {
  const parent = a.parentId ? byId.get(a.parentId)?.name : undefined;
  return parent ? `${a.name} — ${parent}` : a.name;
}

/**
 * The unit that merged or renamed agencies become, from what the officer typed: an existing unit still in force
 * (by its label "name — parent", or by its name when only one unit has it) that is not itself being reorganised,
 * or else a new unit of that name. A new unit's kind comes from its name; from the end of the district level on,
 * a commune-level unit created to replace units of a former district sits directly under the province's committee.
 */
export function reorganiseSuccessor(
  typed: string,
  sources: readonly Agency[],
  registry: readonly Agency[],
  opts: { effectiveOn: string; newId: () => string },
): SuccessorChoice {
  const name = typed.replace(/\s+/g, " ").trim().normalize("NFC");
  if (!name) return { error: "Cần nhập tên đơn vị kế thừa." };
  if (sources.length === 0) return { error: "Hãy chọn ít nhất một cơ quan." };
  const byId = new Map(registry.map((a) => [a.id, a]));
  const picked = new Set(sources.map((s) => s.id));
  const candidates = registry.filter((a) => !picked.has(a.id) && a.validTo === null && a.successorId === null);
  const key = foldVietnamese(name);
  const byLabel = candidates.filter((a) => foldVietnamese(successorLabel(a, byId)) === key);
  if (byLabel.length === 1) return { successor: byLabel[0]!, isNew: false };
  const byName = candidates.filter((a) => foldVietnamese(a.name) === key);
  if (byName.length === 1) return { successor: byName[0]!, isNew: false };
  if (byName.length > 1) return { error: `Có ${byName.length} đơn vị cùng tên "${name}"; hãy chọn đúng đơn vị trong danh sách gợi ý (tên — đơn vị chủ quản).` };
  const first = sources[0]!;
  const named = agencyKindOf(name);
  const kind = named === "other" ? first.kind : named;
  const parent = first.parentId ? byId.get(first.parentId) : undefined;
  const parentEnded = parent?.validTo != null && parent.validTo <= DISTRICT_LEVEL_LAST_DAY && opts.effectiveOn > DISTRICT_LEVEL_LAST_DAY;
  // Read by today's rules: a centrally-run city's committee stored as a district committee is the province's.
  const provinceCommittee = registry.map(readAgency).find((a) => a.province === first.province && a.kind === "province_committee" && a.validTo === null);
  return {
    isNew: true,
    successor: {
      id: opts.newId(),
      name,
      kind,
      parentId: parentEnded ? (provinceCommittee?.id ?? null) : first.parentId,
      province: first.province,
      validFrom: opts.effectiveOn,
      validTo: null,
      successorId: null,
      successorKind: null,
      needsReview: false,
    },
  };
}
