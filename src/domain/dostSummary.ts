import { z } from "zod";

const n = z.number().int().min(0);

/** `GET /api/dost/summary?year=YYYY`: the year's inspections by form and status, criteria tallies of finalized
 * inspections (merged values) with each criterion's title from the checklist version most of its results used
 * (absent when that version is unknown to the server), corrective actions by status with the overdue ones. */
export const DostSummarySchema = z.object({
  year: z.number().int(),
  province: z.string(),
  inspections: z.object({ onsite: n, desk: n, finalized: n, draft: n, submitted: n }),
  criteria: z.array(z.object({ code: z.string(), title: z.string().optional(), conform: n, partial: n, nonconform: n, observation: n, na: n })),
  actions: z.object({ open: n, reported: n, accepted: n, not_accepted: n, verified: n, overdue: n }),
});
export type DostSummary = z.infer<typeof DostSummarySchema>;
