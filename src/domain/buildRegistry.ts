import type { Agency } from "./agency";
import { agencyKindOf } from "./agencyKindOf";
import { foldVietnamese } from "./foldVietnamese";
import type { AgencyListRow } from "./parseAgencyList";

/** The day district-level government ended (Resolution 202/2025/QH15, two-tier local government from 1/7/2025). */
export const DISTRICT_LEVEL_LAST_DAY = "2025-06-30";

export interface RegistryImport {
  /** New agencies to publish (parents first). */
  created: Agency[];
  /** Imported rows matched to an agency already in the registry. */
  matched: { row: AgencyListRow; agencyId: string }[];
  /** Agencies already in the registry whose kind or validity the import states differently (to publish). */
  updated: Agency[];
  /** The agency each imported row became or matched, by the row's line. */
  agencyOfLine: Map<number, string>;
  /** Cohort year per agency id, for the adoption tracker. */
  cohorts: Map<string, number>;
  warnings: string[];
}

/** The key an agency is matched by: its folded name without the "UBND" prefix, and its parent's id. */
function keyOf(name: string, parentId: string | null): string {
  return `${parentId ?? ""}|${foldVietnamese(name).replace(/^(ubnd|uy ban nhan dan)\s+/, "")}`;
}

/** "Huyện Thạch Thành" names the district; its people's committee is the agency inspected. */
function parentAgencyName(parentName: string): string {
  return /^(ubnd|ủy ban|uỷ ban)/iu.test(parentName) ? parentName : `UBND ${parentName.charAt(0).toLowerCase()}${parentName.slice(1)}`;
}

/**
 * Turns imported rows into registry records, reusing agencies already there (matched by folded name under the same
 * parent, so "Quan Hoá" and "Quan Hóa" are one unit). Parent units are created as needed; district committees get
 * the validity end of the district level unless the list states their dates. A kind or validity the list states
 * for a known agency updates it. Ids come from `newId` so the function stays pure.
 */
export function buildRegistry(
  rows: readonly AgencyListRow[],
  existing: readonly Agency[],
  opts: { province: string; newId: () => string },
): RegistryImport {
  const byKey = new Map<string, Agency>();
  for (const a of existing) byKey.set(keyOf(a.name, a.parentId), a);
  const created: Agency[] = [];
  const matched: RegistryImport["matched"] = [];
  const cohorts = new Map<string, number>();
  const agencyOfLine = new Map<number, string>();
  const warnings: string[] = [];
  const seenInImport = new Set<string>();

  const updated = new Map<string, Agency>();
  const ensure = (name: string, parentId: string | null, stated: Pick<AgencyListRow, "kind" | "validFrom" | "validTo"> = {}): { agency: Agency; isNew: boolean } => {
    const key = keyOf(name, parentId);
    const found = byKey.get(key);
    if (found) {
      const next: Agency = { ...found, kind: stated.kind ?? found.kind, validFrom: stated.validFrom ?? found.validFrom, validTo: stated.validTo ?? found.validTo };
      if (next.kind !== found.kind || next.validFrom !== found.validFrom || next.validTo !== found.validTo) {
        byKey.set(key, next);
        if (!created.includes(found)) updated.set(next.id, next);
        else created[created.indexOf(found)] = next;
      }
      return { agency: next, isNew: false };
    }
    const kind = stated.kind ?? agencyKindOf(name);
    const district = kind === "district_committee" || kind === "district_department";
    const agency: Agency = {
      id: opts.newId(),
      name: name.normalize("NFC"),
      kind,
      parentId,
      province: opts.province,
      validFrom: stated.validFrom ?? null,
      validTo: stated.validTo ?? (district ? DISTRICT_LEVEL_LAST_DAY : null),
      successorId: null,
      successorKind: null,
      needsReview: kind === "other",
    };
    byKey.set(key, agency);
    created.push(agency);
    return { agency, isNew: true };
  };

  for (const row of rows) {
    const parent = row.parentName ? ensure(parentAgencyName(row.parentName), null).agency : null;
    const key = keyOf(row.name, parent?.id ?? null);
    if (seenInImport.has(key)) warnings.push(`Dòng ${row.line}: "${row.name}" (${row.parentName}) xuất hiện hai lần; chỉ ghi một đơn vị.`);
    seenInImport.add(key);
    const { agency, isNew } = ensure(row.name, parent?.id ?? null, { ...(row.kind ? { kind: row.kind } : {}), ...(row.validFrom ? { validFrom: row.validFrom } : {}), ...(row.validTo ? { validTo: row.validTo } : {}) });
    if (!isNew) matched.push({ row, agencyId: agency.id });
    agencyOfLine.set(row.line, agency.id);
    if (agency.kind === "other") warnings.push(`Dòng ${row.line}: không nhận ra loại cơ quan của "${row.name}"; cần xem lại.`);
    if (row.cohortYear !== null) cohorts.set(agency.id, row.cohortYear);
  }
  return { created, matched, updated: [...updated.values()], agencyOfLine, cohorts, warnings };
}
