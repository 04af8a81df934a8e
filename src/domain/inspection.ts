import { z } from "zod";
import { IsoDateSchema } from "./isoDate";
import { IssuerFieldsSchema } from "./issuerSettings";
import { ModeSchema } from "./plan";
import { TeamMemberSchema } from "./team";
import type { EntityDef } from "./entityDef";

export const INSPECTION_STATUS_RANK = { draft: 0, submitted: 1, finalized: 2 } as const;
export const InspectionStatusSchema = z.enum(["draft", "submitted", "finalized"]);
export type InspectionStatus = z.infer<typeof InspectionStatusSchema>;

export const PersonSchema = z.object({
  name: z.string().min(1).max(200),
  role: z.string().max(200),
});
export type Person = z.infer<typeof PersonSchema>;

/** A drawn signature as a PNG data URL. */
/** "08:30"; "" when not yet typed. */
export const TimeOfDaySchema = z.string().regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d)?$/u, "giờ không hợp lệ (HH:MM)");

export const SignatureSchema = z.string().max(400_000).regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/).nullable();

export const InspectionSchema = z.object({
  id: z.string(),
  agencyId: z.string().min(1),
  planId: z.string().nullable(),
  checklistId: z.string().min(1),
  checklistVersion: z.string().min(1),
  mode: ModeSchema,
  teamId: z.string().min(1),
  province: z.string().min(1),
  startedOn: IsoDateSchema,
  status: InspectionStatusSchema,
  decisionRef: z.string().max(200),
  decisionDate: IsoDateSchema.nullable(),
  place: z.string().max(300),
  leadName: z.string().max(200),
  agencyRepresentative: z.string().max(200),
  members: z.array(TeamMemberSchema).max(50),
  agencyMembers: z.array(PersonSchema).max(50),
  notes: z.string().max(20000),
  agencyComments: z.string().max(20000),
  recordNumber: z.string().max(50),
  signedOn: IsoDateSchema.nullable(),
  leadSignature: SignatureSchema,
  agencySignature: SignatureSchema,
  /** The decision's own particulars (TT 26 Art. 35.2: the Chi cục or the Sở issues it), printed as typed. */
  decisionIssuer: z.string().max(300).optional(),
  decisionSubject: z.string().max(1000).optional(),
  /** Start and end of the on-site meeting, "HH:MM" ("vào hồi … giờ … phút"; "Biên bản kết thúc vào hồi …"). */
  startTime: TimeOfDaySchema.optional(),
  endTime: TimeOfDaySchema.optional(),
  /** The team's overall conclusion (KẾT LUẬN) and recommendations (KIẾN NGHỊ), typed by the team. */
  conclusion: z.string().max(20000).optional(),
  recommendations: z.string().max(20000).optional(),
  /** The province's issuer settings as they stood at finalize: every copy of the record prints these (absent on
   * inspections finalized before v4, which print as they always did). */
  issuer: IssuerFieldsSchema.optional(),
});
export type Inspection = z.infer<typeof InspectionSchema>;

/** The empty value of every inspection field a record may leave blank until signing (and an older file may lack). */
export const EMPTY_INSPECTION_FIELDS = {
  planId: null,
  decisionRef: "",
  decisionDate: null,
  place: "",
  leadName: "",
  agencyRepresentative: "",
  members: [],
  agencyMembers: [],
  notes: "",
  agencyComments: "",
  recordNumber: "",
  signedOn: null,
  leadSignature: null,
  agencySignature: null,
} as const satisfies Partial<Inspection>;

const s = InspectionSchema.shape;
export const inspectionDef: EntityDef = {
  fields: {
    agencyId: s.agencyId,
    planId: s.planId,
    checklistId: s.checklistId,
    checklistVersion: s.checklistVersion,
    mode: s.mode,
    teamId: s.teamId,
    province: s.province,
    startedOn: s.startedOn,
    status: s.status,
    decisionRef: s.decisionRef,
    decisionDate: s.decisionDate,
    place: s.place,
    leadName: s.leadName,
    agencyRepresentative: s.agencyRepresentative,
    members: s.members,
    agencyMembers: s.agencyMembers,
    notes: s.notes,
    agencyComments: s.agencyComments,
    recordNumber: s.recordNumber,
    signedOn: s.signedOn,
    leadSignature: s.leadSignature,
    agencySignature: s.agencySignature,
    decisionIssuer: z.string().max(300),
    decisionSubject: z.string().max(1000),
    startTime: TimeOfDaySchema,
    endTime: TimeOfDaySchema,
    conclusion: z.string().max(20000),
    recommendations: z.string().max(20000),
    issuer: IssuerFieldsSchema,
  },
  workflow: { status: INSPECTION_STATUS_RANK },
  lockedBy: "self",
  unlockedFields: ["status"],
};
