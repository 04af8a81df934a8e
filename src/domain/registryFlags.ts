import { agencyScopeOf, type Agency, type AgencyScope } from "./agency";
import { agencyKindOf, isCentralCityCommitteeName, isTownName } from "./agencyKindOf";
import { DISTRICT_LEVEL_LAST_DAY } from "./buildRegistry";

/**
 * What DOST must look at in a registry row after the 2025 reorganisation:
 * - `central_city_as_district`: a centrally-run city's committee stored as a district committee (lists imported
 *   before the six cities were recognised); it is read as the province committee it is.
 * - `parent_ended`: a unit with no end date under a parent that has ended (the districts on 30/6/2025).
 * - `town_after_reorganisation`: a thị trấn still in force after 30/6/2025, when no thị trấn remains.
 * - `unknown_kind`: the name said nothing of the kind; DOST sets it.
 * The last three keep the unit out of the default plan until DOST records its successor (or, for the last, its kind).
 */
export const REGISTRY_FLAGS = ["central_city_as_district", "parent_ended", "town_after_reorganisation", "unknown_kind"] as const;
export type RegistryFlag = (typeof REGISTRY_FLAGS)[number];

export const REGISTRY_FLAG_TEXT: Record<RegistryFlag, { vi: string; en: string }> = {
  central_city_as_district: {
    vi: "UBND thành phố trực thuộc Trung ương được ghi là UBND cấp huyện; được đọc là UBND tỉnh — hãy ghi lại loại.",
    en: "A centrally-run city's committee stored as a district committee; read as a province committee — save its kind.",
  },
  parent_ended: {
    vi: "Đơn vị chủ quản đã hết hiệu lực (cấp huyện kết thúc ngày 30/6/2025); cần ghi đơn vị kế thừa.",
    en: "Its parent unit has ended (district level ended on 30/6/2025); record its successor.",
  },
  town_after_reorganisation: {
    vi: "Từ 01/7/2025 không còn thị trấn; cần ghi đơn vị kế thừa.",
    en: "No thị trấn exists from 1/7/2025; record its successor.",
  },
  unknown_kind: {
    vi: "Chưa xác định loại cơ quan.",
    en: "The agency's kind is not set.",
  },
};

/** Flags that keep a unit out of the default plan. */
export const PLAN_BLOCKING_FLAGS: ReadonlySet<RegistryFlag> = new Set(["parent_ended", "town_after_reorganisation", "unknown_kind"]);

type Row = Pick<Agency, "id" | "name" | "kind" | "parentId" | "validTo" | "successorId">;

/** Whether a stored row is a centrally-run city's committee written as a district committee (older imports). */
function isMisreadCentralCity(a: Pick<Agency, "name" | "kind">): boolean {
  return a.kind === "district_committee" && isCentralCityCommitteeName(a.name);
}

/**
 * An agency as the rules read it, from a row written to any earlier contract: a centrally-run city's committee
 * stored as a district committee is the province committee, and loses the district level's end date the importer
 * gave it (an end date of its own stays); a Văn phòng UBND tỉnh stored as a department, and a Chi cục or đơn vị sự
 * nghiệp stored as "other" (kinds that did not exist then), take the kind their name gives.
 */
export function readAgency<A extends Pick<Agency, "name" | "kind" | "validTo">>(a: A): A {
  if (isMisreadCentralCity(a)) return { ...a, kind: "province_committee", validTo: a.validTo === DISTRICT_LEVEL_LAST_DAY ? null : a.validTo };
  const named = a.kind === "province_department" || a.kind === "other" ? agencyKindOf(a.name) : a.kind;
  if (a.kind === "province_department" && named === "province_office") return { ...a, kind: named };
  if (a.kind === "other" && named !== "other") return { ...a, kind: named };
  return a;
}

/** The flags of one registry row; `byId` holds the province's registry (for the parent). */
export function registryFlags(a: Row, byId: ReadonlyMap<string, Pick<Agency, "validTo">>): RegistryFlag[] {
  const flags: RegistryFlag[] = [];
  if (isMisreadCentralCity(a)) flags.push("central_city_as_district");
  const open = a.validTo === null && a.successorId === null;
  const parentEnd = a.parentId ? byId.get(a.parentId)?.validTo : null;
  if (open && parentEnd != null) flags.push("parent_ended");
  if (a.successorId === null && isTownName(a.name) && (a.validTo === null || a.validTo > DISTRICT_LEVEL_LAST_DAY)) flags.push("town_after_reorganisation");
  if (readAgency(a).kind === "other") flags.push("unknown_kind");
  return flags;
}

/** The province's registry read by the rules, with each agency's flags and scope (QĐ 19 Art. 2). */
export interface RegistryEntry {
  agency: Agency;
  scope: AgencyScope;
  flags: RegistryFlag[];
}

export function registryEntries(agencies: readonly Agency[]): RegistryEntry[] {
  const read = agencies.map(readAgency);
  const byId = new Map(read.map((a) => [a.id, a]));
  return agencies.map((raw, i) => {
    const agency = read[i]!;
    return { agency, scope: agencyScopeOf(agency.kind), flags: registryFlags({ ...raw, validTo: agency.validTo }, byId) };
  });
}

/**
 * The agency whose QMS an agency's is (TT 26 Art. 6.1: the UBND tỉnh and its Văn phòng run one QMS): the province
 * committee for its office, when the registry has one; every other agency is its own.
 */
export function qmsUnitOf(a: Pick<Agency, "id" | "kind">, provinceCommitteeId: string | null): string {
  return a.kind === "province_office" && provinceCommitteeId ? provinceCommitteeId : a.id;
}
