import { z } from "zod";
import { ActionSchema } from "./action";
import { AgencySchema } from "./agency";
import { AttachmentSchema } from "./attachment";
import { ChecklistSchema } from "./checklist";
import { FindingSchema } from "./finding";
import { EMPTY_INSPECTION_FIELDS, InspectionSchema } from "./inspection";
import { ResultSchema } from "./result";
import { withDefaults } from "./withDefaults";

/** Who issues the record: parent body, issuing body, province name for the place line, number symbol. */
export const IssuerSchema = z.object({
  parentBody: z.string(),
  issuingBody: z.string(),
  place: z.string(),
  symbol: z.string(),
  recipients: z.array(z.string()).optional(),
});

/*
 * Files live for years, so every field added after the first `htqlcl-inspection/1` (docs/formats.md, Compatibility) reads as
 * its empty value when absent; a value that is present is checked as strictly as ever. Unknown fields are ignored.
 * tests/fixtures/formats/inspection-1-*.json are files of each released version; tests/domain/formats.test.ts reads them.
 */
const AgencyIn = withDefaults(AgencySchema, { parentId: null, validFrom: null, validTo: null, successorId: null, successorKind: null, needsReview: false });
const InspectionIn = withDefaults(InspectionSchema, EMPTY_INSPECTION_FIELDS);
const ResultIn = withDefaults(ResultSchema, { outcome: null, severity: null, note: "", evidence: [], documents: [], naReason: "" });
const FindingIn = withDefaults(FindingSchema, { criterionCode: null, severity: null, deleted: false });
const ActionIn = withDefaults(ActionSchema, {
  owner: "",
  dueOn: null,
  agencyReport: "",
  reportedOn: null,
  decisionNote: "",
  noticeNumber: "",
  verifiedOn: null,
  deleted: false,
});
const AttachmentIn = withDefaults(AttachmentSchema, { caption: "", takenAt: "", width: null, height: null, deleted: false });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Fields added later whose value the rest of the file gives: the inspection's province is its agency's, and every
 * action and photo of the file belongs to its one inspection. */
function fillFromFile(doc: unknown): unknown {
  if (!isObject(doc) || !isObject(doc.inspection)) return doc;
  const inspection = { ...doc.inspection };
  if (inspection.province === undefined && isObject(doc.agency) && typeof doc.agency.province === "string") inspection.province = doc.agency.province;
  const own = (list: unknown) =>
    Array.isArray(list) ? list.map((x) => (isObject(x) && x.inspectionId === undefined && typeof inspection.id === "string" ? { ...x, inspectionId: inspection.id } : x)) : list;
  return { ...doc, inspection, actions: own(doc.actions), ...(doc.attachments === undefined ? {} : { attachments: own(doc.attachments) }) };
}

/** `htqlcl-inspection/1`: one inspection with everything needed to render its record, as the app exports it. */
export const InspectionExportSchema = z.preprocess(
  fillFromFile,
  z.object({
    format: z.literal("htqlcl-inspection/1"),
    checklist: ChecklistSchema,
    agency: AgencyIn,
    inspection: InspectionIn,
    results: z.array(ResultIn),
    findings: z.array(FindingIn).default([]),
    actions: z.array(ActionIn).default([]),
    /** Evidence photos, with their bytes as base64 (optional: a record renders without them). */
    attachments: z.array(AttachmentIn.extend({ data: z.string().optional() })).optional(),
    issuer: IssuerSchema.optional(),
    exportedAt: z.string().optional(),
  }),
);
export type InspectionExport = z.output<typeof InspectionExportSchema>;
