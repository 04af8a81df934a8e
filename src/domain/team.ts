import { z } from "zod";
import type { EntityDef } from "./entityDef";

export const TeamMemberSchema = z.object({
  name: z.string().min(1).max(200),
  role: z.string().max(200),
  /** TT 26 Art. 40: degree, state-management certificate, QMS audit certificate, years of experience. */
  qualifications: z.string().max(500).optional(),
});
export type TeamMember = z.infer<typeof TeamMemberSchema>;

export const TeamSchema = z.object({
  id: z.string(),
  name: z.string().min(1).max(200),
  province: z.string().min(1),
  members: z.array(TeamMemberSchema).max(50),
});
export type Team = z.infer<typeof TeamSchema>;

export const teamDef: EntityDef = {
  fields: {
    name: TeamSchema.shape.name,
    province: TeamSchema.shape.province,
    members: TeamSchema.shape.members,
  },
};
