import { z } from "zod";
import { IsoDateSchema } from "./isoDate";
import type { EntityDef } from "./entityDef";

export const ACTION_STATUS_RANK = { open: 0, reported: 1, accepted: 2, not_accepted: 2, verified: 3 } as const;
export const ActionStatusSchema = z.enum(["open", "reported", "accepted", "not_accepted", "verified"]);
export type ActionStatus = z.infer<typeof ActionStatusSchema>;

export const ActionSchema = z.object({
  id: z.string(),
  findingId: z.string().min(1),
  inspectionId: z.string().min(1),
  description: z.string().max(20000),
  owner: z.string().max(300),
  dueOn: z.string().nullable(),
  status: ActionStatusSchema,
  /** The agency's corrective-action report and when it came. */
  agencyReport: z.string().max(20000),
  reportedOn: IsoDateSchema.nullable(),
  /** The number of the agency's report ("25/BC-UBND"); `reportedOn` is that report's own date. */
  reportNumber: z.string().max(100).optional(),
  /** DOST's decision note (why accepted / not accepted) and the notice's number. */
  decisionNote: z.string().max(20000),
  noticeNumber: z.string().max(100),
  verifiedOn: IsoDateSchema.nullable(),
  deleted: z.boolean(),
});
export type Action = z.infer<typeof ActionSchema>;

const s = ActionSchema.shape;
export const actionDef: EntityDef = {
  fields: {
    findingId: s.findingId,
    inspectionId: s.inspectionId,
    description: s.description,
    owner: s.owner,
    dueOn: IsoDateSchema.nullable(),
    status: s.status,
    agencyReport: s.agencyReport,
    reportedOn: s.reportedOn,
    reportNumber: z.string().max(100),
    decisionNote: s.decisionNote,
    noticeNumber: s.noticeNumber,
    verifiedOn: s.verifiedOn,
    deleted: s.deleted,
  },
  workflow: { status: ACTION_STATUS_RANK },
};
