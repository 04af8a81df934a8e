import { z } from "zod";

export const ROLES = ["admin", "dost", "lead", "inspector"] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** A signed-in account as the server sees it. Admins have no province; dost users no team. */
export interface ServerUser {
  id: string;
  username: string;
  role: Role;
  province: string | null;
  team: string | null;
  displayName: string;
}
