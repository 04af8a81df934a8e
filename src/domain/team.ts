import { z } from "zod";
import type { EntityDef } from "./entityDef";

/**
 * What TT 26 Art. 40.1 asks of each person who inspects: a university degree (a), a state-management training
 * certificate (b), a QMS audit training certificate (c) and three years' service since graduating (d). Each text
 * names the document ("Cử nhân Luật, ĐH Huế, 2015"); empty means not held.
 */
export const Art40QualificationsSchema = z.object({
  degree: z.string().max(200),
  stateManagementCert: z.string().max(200),
  qmsAuditCert: z.string().max(200),
  /** Whole years of service since graduating; null when not known. */
  yearsExperience: z.number().int().min(0).max(60).nullable(),
});
export type Art40Qualifications = z.infer<typeof Art40QualificationsSchema>;

export const TeamMemberSchema = z.object({
  name: z.string().min(1).max(200),
  /** "Trưởng đoàn" marks the lead (the start form prefills it from there); else the member's role, e.g. "Thành viên". */
  role: z.string().max(200),
  /** Free text kept from older rows (before the structured fields), shown as written. */
  qualifications: z.string().max(500).optional(),
  /** TT 26 Art. 40, as structured fields; absent on older rows. */
  art40: Art40QualificationsSchema.optional(),
  /** The member's account, when they have one (to list the team's accounts beside its members). */
  username: z.string().max(64).optional(),
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

/** The role word that makes a member the team's lead. */
export const LEAD_ROLE = "Trưởng đoàn";

/** Whether a member's role names them the lead ("Trưởng đoàn", any case or composition). */
export function isLeadRole(role: string): boolean {
  return role.normalize("NFC").toLowerCase().includes(LEAD_ROLE.toLowerCase());
}

export type Art40Gap = "degree" | "stateManagementCert" | "qmsAuditCert" | "yearsExperience";

/** Years of service TT 26 Art. 40.1.d asks for. */
export const ART40_MIN_YEARS = 3;

/**
 * What a member lacks of TT 26 Art. 40.1 (a)–(d), by its structured fields; null when nothing is recorded in the
 * structured fields (an older row with free text only: it cannot be judged).
 */
export function art40Gaps(m: Pick<TeamMember, "art40">): Art40Gap[] | null {
  const q = m.art40;
  if (!q) return null;
  const gaps: Art40Gap[] = [];
  if (!q.degree.trim()) gaps.push("degree");
  if (!q.stateManagementCert.trim()) gaps.push("stateManagementCert");
  if (!q.qmsAuditCert.trim()) gaps.push("qmsAuditCert");
  if (q.yearsExperience === null || q.yearsExperience < ART40_MIN_YEARS) gaps.push("yearsExperience");
  return gaps;
}
