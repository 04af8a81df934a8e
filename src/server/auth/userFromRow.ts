import type { Role, ServerUser } from "./ServerUser";

export const USER_COLUMNS = "u.id, u.username, u.role, u.province, u.team, u.display_name";

export function userFromRow(r: Record<string, unknown>): ServerUser {
  return {
    id: String(r.id),
    username: String(r.username),
    role: r.role as Role,
    province: (r.province as string | null) ?? null,
    team: (r.team as string | null) ?? null,
    displayName: String(r.display_name ?? ""),
  };
}
