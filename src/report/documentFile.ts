import { z } from "zod";
import { AgencySchema } from "../domain/agency";
import type { DostDashboard } from "../domain/dostDashboard";
import { DostSummarySchema } from "../domain/dostSummary";
import type { DostIssuer } from "../domain/DostIssuer";
import { InspectionExportSchema } from "../domain/inspectionExport";
import { IsoDateSchema } from "../domain/isoDate";
import { IssuerSymbolsSchema } from "../domain/issuerSettings";
import { PlanSchema } from "../domain/plan";
import { buildNoticeModel } from "./dost/buildNoticeModel";
import { buildPlanModel } from "./dost/buildPlanModel";
import { buildYearReportModel } from "./dost/buildYearReportModel";
import { buildDeskReviewLetterModel } from "./letter/buildDeskReviewLetterModel";
import { renderDocument } from "./pdf/renderDocument";
import { buildTeamReportModel } from "./team/buildTeamReportModel";

export const DOCUMENT_FORMAT = "htqlcl-document/1";

const DostIssuerSchema = z.object({
  parentBody: z.string().max(300),
  issuingBody: z.string().max(300),
  issuingBodyName: z.string().max(300),
  inspectingUnit: z.string().max(300),
  provinceName: z.string().max(100),
  symbol: z.string().max(50),
  draftingUnit: z.string().max(50).optional(),
  letterRecipients: z.array(z.string().max(300)).max(20).optional(),
  signer: z.object({ heading: z.array(z.string().max(200)).max(5), name: z.string().max(200) }),
  symbols: IssuerSymbolsSchema.partial().optional(),
}) satisfies z.ZodType<DostIssuer>;

const n = z.number().int().min(0);
const Counts = { conform: n, partial: n, nonconform: n, observation: n, na: n };
const ActionItemSchema = z.object({
  actionId: z.string(), inspectionId: z.string(), agencyId: z.string(), agencyName: z.string(), status: z.string(), dueOn: z.string().nullable(),
  noticeNumber: z.string(), decisionNote: z.string(), description: z.string(),
});
const DostDashboardSchema = z.object({
  year: z.number().int(),
  province: z.string(),
  today: z.string(),
  coverage: z.object({ planned: n, plannedOnsite: n, plannedDesk: n, started: n, finalized: n, unplanned: n }),
  byFormStatus: z.array(z.object({ mode: z.string(), status: z.string(), count: n })),
  byKind: z.array(z.object({ code: z.string(), group: z.string(), groupName: z.string(), ...Counts })),
  byParent: z.array(z.object({ code: z.string(), group: z.string(), groupName: z.string(), ...Counts })),
  actionsByStatus: z.record(z.string(), n),
  overdue: z.array(ActionItemSchema),
  notices: z.array(ActionItemSchema),
  conflicts: z.array(z.object({ entity: z.string(), rowId: z.string(), team: z.string().nullable(), inspectionId: z.string().nullable(), agencyName: z.string(), count: n })),
}) satisfies z.ZodType<DostDashboard>;

const head = { format: z.literal(DOCUMENT_FORMAT), issuer: DostIssuerSchema, number: z.string().max(50).optional(), date: IsoDateSchema.optional() };

/** `htqlcl-document/1`: what the DOST console renders a document from, saved beside the PDF so the command line
 * makes the same PDF (`npm run report -- <kind> <file>`). */
export const DocumentFileSchema = z.discriminatedUnion("kind", [
  z.object({ ...head, kind: z.literal("letter"), inspection: InspectionExportSchema }),
  z.object({ ...head, kind: z.literal("team-report"), inspections: z.array(InspectionExportSchema).min(1) }),
  z.object({ ...head, kind: z.literal("plan"), plan: PlanSchema, agencies: z.array(AgencySchema), teamNames: z.record(z.string(), z.string()) }),
  z.object({
    ...head,
    kind: z.literal("notice"),
    agencyName: z.string().min(1),
    inspection: z.object({ recordNumber: z.string(), signedOn: IsoDateSchema.nullable(), startedOn: IsoDateSchema }),
    actions: z
      .array(
        z.object({
          action: z.object({ description: z.string(), agencyReport: z.string(), reportedOn: IsoDateSchema.nullable(), reportNumber: z.string().optional(), decisionNote: z.string() }),
          finding: z.object({ criterionCode: z.string().nullable(), text: z.string() }).nullable(),
        }),
      )
      .min(1),
  }),
  z.object({
    ...head,
    kind: z.enum(["province-report", "ministry-report"]),
    summary: DostSummarySchema,
    dashboard: DostDashboardSchema,
    adoption: z.array(z.object({ cohortYear: z.number().int().nullable(), agencies: n, declared: n })).optional(),
  }),
]);
export type DocumentFile = z.infer<typeof DocumentFileSchema>;
export const DOCUMENT_KINDS = ["letter", "team-report", "plan", "notice", "province-report", "ministry-report"] as const;

/** The PDF of a document file: the very functions the console calls. */
export function renderDocumentFile(doc: DocumentFile): Uint8Array {
  const opts = { ...(doc.number ? { number: doc.number } : {}), ...(doc.date ? { date: doc.date } : {}) };
  switch (doc.kind) {
    case "letter":
      return renderDocument(buildDeskReviewLetterModel(doc.inspection, { issuer: doc.issuer, ...opts }));
    case "team-report":
      return renderDocument(buildTeamReportModel(doc.inspections, { issuer: doc.issuer, ...opts }));
    case "plan":
      return renderDocument(buildPlanModel(doc.plan, doc.agencies, new Map(Object.entries(doc.teamNames)), doc.issuer, opts));
    case "notice":
      return renderDocument(
        buildNoticeModel({ agencyName: doc.agencyName, inspection: doc.inspection, actions: doc.actions, number: doc.number ?? "", date: doc.date ?? doc.inspection.signedOn ?? doc.inspection.startedOn }, doc.issuer),
      );
    default:
      return renderDocument(buildYearReportModel(doc.kind === "province-report" ? "province" : "ministry", doc.summary, doc.dashboard, doc.issuer, { ...opts, adoption: doc.adoption ?? [] }));
  }
}
