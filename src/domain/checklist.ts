import { z } from "zod";

const Text = z.string().min(1);

export const CriterionSchema = z.object({
  code: Text,
  activities: z.array(Text),
  evidence: z.array(Text),
  responsible: z.string().optional(),
  coordinating: z.string().optional(),
  timing: z.string().optional(),
  references: z.array(Text).optional(),
});

export const ItemSchema = z.object({
  code: Text,
  title: z.string(),
  references: z.array(Text).optional(),
  criteria: z.array(CriterionSchema),
});

export const SectionSchema = z.object({
  code: Text,
  title: Text,
  scored: z.boolean(),
  items: z.array(ItemSchema),
});

export const ChecklistSchema = z.object({
  format: z.literal("htqlcl-checklist/1"),
  id: Text,
  version: Text,
  title: Text,
  source: z.object({
    document: Text,
    url: z.string().optional(),
    note: z.string().optional(),
  }),
  outcomes: z.array(z.enum(["conform", "partial", "nonconform", "observation", "na"])).optional(),
  sections: z.array(SectionSchema).min(1),
});

export type Criterion = z.infer<typeof CriterionSchema>;
export type ChecklistItem = z.infer<typeof ItemSchema>;
export type ChecklistSection = z.infer<typeof SectionSchema>;
export type Checklist = z.infer<typeof ChecklistSchema>;
