import { z } from "zod";
import type { EntityDef } from "./entityDef";

export const ModeSchema = z.enum(["onsite", "desk"]);
export type Mode = z.infer<typeof ModeSchema>;

export const PlanEntrySchema = z.object({
  agencyId: z.string().min(1),
  mode: ModeSchema,
  teamId: z.string().min(1),
  month: z.number().int().min(1).max(12),
});
export type PlanEntry = z.infer<typeof PlanEntrySchema>;

export const PlanSchema = z.object({
  id: z.string(),
  year: z.number().int().min(2014).max(2100),
  province: z.string().min(1),
  entries: z.array(PlanEntrySchema).max(20000),
  /** Share of agencies to visit on site (TT 26 Art. 33: at least one third; Hà Nội used one half). */
  onsiteShare: z.number().min(0).max(1),
  title: z.string().max(500).optional(),
});
export type Plan = z.infer<typeof PlanSchema>;

export const planDef: EntityDef = {
  fields: {
    year: PlanSchema.shape.year,
    province: PlanSchema.shape.province,
    entries: PlanSchema.shape.entries,
    onsiteShare: PlanSchema.shape.onsiteShare,
    title: z.string().max(500),
  },
};
