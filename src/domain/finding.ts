import { z } from "zod";
import { SeveritySchema } from "./outcome";
import type { EntityDef } from "./entityDef";

export const FindingKindSchema = z.enum(["nonconformity", "observation"]);
export type FindingKind = z.infer<typeof FindingKindSchema>;

export const FindingSchema = z.object({
  id: z.string(),
  inspectionId: z.string().min(1),
  criterionCode: z.string().nullable(),
  kind: FindingKindSchema,
  severity: SeveritySchema.nullable(),
  text: z.string().max(20000),
  deleted: z.boolean(),
});
export type Finding = z.infer<typeof FindingSchema>;

const s = FindingSchema.shape;
export const findingDef: EntityDef = {
  fields: {
    inspectionId: s.inspectionId,
    criterionCode: s.criterionCode,
    kind: s.kind,
    severity: s.severity,
    text: s.text,
    deleted: s.deleted,
  },
  lockedBy: "inspectionId",
};
