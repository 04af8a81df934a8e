import { z } from "zod";

const n = z.number().int().min(0);

/** `GET /api/dost/summary?year=YYYY`: the year's inspections by form and status, criteria tallies of finalized
 * inspections (merged values), corrective actions by status with the overdue ones. */
export const DostSummarySchema = z.object({
  year: z.number().int(),
  province: z.string(),
  inspections: z.object({ onsite: n, desk: n, finalized: n, draft: n, submitted: n }),
  criteria: z.array(z.object({ code: z.string(), conform: n, partial: n, nonconform: n, observation: n, na: n })),
  actions: z.object({ open: n, reported: n, accepted: n, not_accepted: n, verified: n, overdue: n }),
});
export type DostSummary = z.infer<typeof DostSummarySchema>;
