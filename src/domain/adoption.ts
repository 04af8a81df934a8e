import { z } from "zod";
import { AGENCY_SCOPES, agencyScopeOf, type Agency, type AgencyKind, type AgencyScope } from "./agency";
import type { EntityDef } from "./entityDef";
import { isAgencyValidOn } from "./isAgencyValidOn";
import { qmsUnitOf, readAgency } from "./registryFlags";
import { DocumentRefSchema } from "./result";

/** The five steps of adopting a QMS (QĐ 19 Art. 4; seed 003 §3.1). */
export const ADOPTION_STEPS = ["steering", "build", "apply", "declare", "maintain"] as const;
export type AdoptionStep = (typeof ADOPTION_STEPS)[number];

export const ADOPTION_STEP_LABELS_VI: Record<AdoptionStep, string> = {
  steering: "Bước 1: Thành lập Ban chỉ đạo ISO",
  build: "Bước 2: Xây dựng HTQLCL",
  apply: "Bước 3: Áp dụng HTQLCL",
  declare: "Bước 4: Công bố HTQLCL phù hợp TCVN ISO 9001:2015",
  maintain: "Bước 5: Duy trì, cải tiến HTQLCL",
};

/** Evidence that a step is done: the decision or document number and its date. */
export const StepEvidenceSchema = DocumentRefSchema.nullable();

export const AdoptionSchema = z.object({
  id: z.string(),
  agencyId: z.string().min(1),
  province: z.string().min(1),
  /** The year of the provincial plan's list the agency was in (seed 003: 2022, 2023, 2024). */
  cohortYear: z.number().int().min(2014).max(2100).nullable(),
  steering: StepEvidenceSchema,
  build: StepEvidenceSchema,
  apply: StepEvidenceSchema,
  declare: StepEvidenceSchema,
  maintain: StepEvidenceSchema,
  note: z.string().max(5000),
});
export type Adoption = z.infer<typeof AdoptionSchema>;

/** An agency's adoption row id is derived from the agency, so two DOST officers recording it edit one row. */
export function adoptionId(agencyId: string): string {
  return `adoption/${agencyId}`;
}

/** How many steps in a row, from the first, have evidence (0–5). */
export function adoptionProgress(a: Pick<Adoption, AdoptionStep>): number {
  let n = 0;
  for (const s of ADOPTION_STEPS) {
    if (!a[s]) break;
    n++;
  }
  return n;
}

const s = AdoptionSchema.shape;
export const adoptionDef: EntityDef = {
  fields: {
    agencyId: s.agencyId,
    province: s.province,
    cohortYear: s.cohortYear,
    steering: s.steering,
    build: s.build,
    apply: s.apply,
    declare: s.declare,
    maintain: s.maintain,
    note: s.note,
  },
};

/** The levels of QĐ 19 Phụ lục II's table of adoption. */
export const ADOPTION_LEVELS = ["province", "district", "commune", "public_service"] as const;
export type AdoptionLevel = (typeof ADOPTION_LEVELS)[number];
export const ADOPTION_LEVEL_LABELS_VI: Record<AdoptionLevel, string> = {
  province: "Cấp tỉnh (UBND tỉnh, cơ quan chuyên môn, chi cục)",
  district: "Cấp huyện (đến 30/6/2025)",
  commune: "Cấp xã (xã, phường, đặc khu)",
  public_service: "Đơn vị sự nghiệp và cơ quan khác",
};

const LEVEL_OF_KIND: Record<AgencyKind, AdoptionLevel> = {
  province_committee: "province",
  province_office: "province",
  province_department: "province",
  sub_department: "province",
  district_committee: "district",
  district_department: "district",
  commune_committee: "commune",
  ward_committee: "commune",
  special_zone_committee: "commune",
  public_service_unit: "public_service",
  other: "public_service",
};

export interface AdoptionCount {
  level: AdoptionLevel;
  scope: AgencyScope;
  /** QMS systems in force on the date (the UBND tỉnh and its Văn phòng are one, TT 26 Art. 6.1). */
  systems: number;
  /** Of them, those past step 3 (apply) and step 4 (declare) of QĐ 19 Art. 4. */
  applying: number;
  declared: number;
}

/**
 * The state of adoption by level and scope on a date (QĐ 19 Phụ lục II: agencies, applying, declared), counted in
 * QMS systems: agencies in force that day, as the registry rules read them; the UBND tỉnh and its Văn phòng are one
 * system, as far along as the further of the two. Units flagged by the 2025 reorganisation count
 * (they still exist on paper); only ended units do not.
 */
export function adoptionCounts(agencies: readonly Agency[], adoptions: readonly Pick<Adoption, "agencyId" | AdoptionStep>[], onDate: string): AdoptionCount[] {
  const read = agencies.map(readAgency).filter((a) => isAgencyValidOn(a, onDate));
  const committee = read.find((a) => a.kind === "province_committee")?.id ?? null;
  const progress = new Map<string, number>();
  for (const r of adoptions) progress.set(r.agencyId, adoptionProgress(r));
  const systems = new Map<string, { level: AdoptionLevel; scope: AgencyScope; progress: number }>();
  for (const a of read) {
    const unit = qmsUnitOf(a, committee);
    const cur = systems.get(unit);
    const p = progress.get(a.id) ?? 0;
    if (cur) cur.progress = Math.max(cur.progress, p);
    else systems.set(unit, { level: LEVEL_OF_KIND[a.kind], scope: agencyScopeOf(a.kind), progress: p });
  }
  const out: AdoptionCount[] = [];
  for (const level of ADOPTION_LEVELS) {
    for (const scope of AGENCY_SCOPES) {
      const here = [...systems.values()].filter((s) => s.level === level && s.scope === scope);
      if (here.length === 0) continue;
      out.push({ level, scope, systems: here.length, applying: here.filter((s) => s.progress >= 3).length, declared: here.filter((s) => s.progress >= 4).length });
    }
  }
  return out;
}
