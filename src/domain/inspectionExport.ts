import { z } from "zod";
import { ActionSchema } from "./action";
import { AgencySchema } from "./agency";
import { AttachmentSchema } from "./attachment";
import { ChecklistSchema } from "./checklist";
import { FindingSchema } from "./finding";
import { InspectionSchema } from "./inspection";
import { ResultSchema } from "./result";

/** `htqlcl-inspection/1`: one inspection with everything needed to render its record, as the app exports it. */
export const InspectionExportSchema = z.object({
  format: z.literal("htqlcl-inspection/1"),
  checklist: ChecklistSchema,
  agency: AgencySchema,
  inspection: InspectionSchema,
  results: z.array(ResultSchema),
  findings: z.array(FindingSchema),
  actions: z.array(ActionSchema),
  /** Evidence photos, with their bytes as base64 (optional: a record renders without them). */
  attachments: z.array(AttachmentSchema.extend({ data: z.string().optional() })).optional(),
  /** Who issues the record: parent body, issuing body, province name for the place line, number symbol. */
  issuer: z
    .object({
      parentBody: z.string(),
      issuingBody: z.string(),
      place: z.string(),
      symbol: z.string(),
      recipients: z.array(z.string()).optional(),
    })
    .optional(),
  exportedAt: z.string().optional(),
});
export type InspectionExport = z.infer<typeof InspectionExportSchema>;
