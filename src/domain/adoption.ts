import { z } from "zod";
import { DocumentRefSchema } from "./result";
import type { EntityDef } from "./entityDef";

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
