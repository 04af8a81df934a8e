import { z } from "zod";
import { IsoDateSchema } from "./isoDate";
import { OutcomeSchema, SeveritySchema } from "./outcome";
import type { EntityDef } from "./entityDef";

export const DocumentRefSchema = z.object({
  number: z.string().max(200),
  date: IsoDateSchema.nullable(),
  title: z.string().max(500).optional(),
});
export type DocumentRef = z.infer<typeof DocumentRefSchema>;

export const ResultSchema = z.object({
  id: z.string(),
  inspectionId: z.string().min(1),
  criterionCode: z.string().min(1),
  outcome: OutcomeSchema.nullable(),
  severity: SeveritySchema.nullable(),
  note: z.string().max(20000),
  /** The expected records (checklist `evidence` entries) actually seen. */
  evidence: z.array(z.string().max(2000)).max(100),
  documents: z.array(DocumentRefSchema).max(100),
  naReason: z.string().max(2000),
});
export type Result = z.infer<typeof ResultSchema>;

/** A result's id is its key, so two tablets scoring one criterion edit one row. */
export function resultId(inspectionId: string, criterionCode: string): string {
  return `${inspectionId}/${criterionCode}`;
}

const s = ResultSchema.shape;
export const resultDef: EntityDef = {
  fields: {
    inspectionId: s.inspectionId,
    criterionCode: s.criterionCode,
    outcome: s.outcome,
    severity: s.severity,
    note: s.note,
    evidence: s.evidence,
    documents: s.documents,
    naReason: s.naReason,
  },
  lockedBy: "inspectionId",
};
