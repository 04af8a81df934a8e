import type { Change } from "../../domain/change";
import type { ServerUser } from "../auth/ServerUser";
import type { RowScope } from "./RowScope";

/**
 * The scope a new row gets from its first change. A lead or inspector creates rows in their own team. DOST and
 * admin, who also import bundles carried from the tablets, give the row the scope of the change's author when the
 * author is a known user they may act for; otherwise their own (DOST rows are province-wide: team null).
 */
export function newRowScope(pusher: ServerUser, author: ServerUser | null, change: Change): RowScope {
  if (pusher.role === "lead" || pusher.role === "inspector") return { province: pusher.province, team: pusher.team };
  if (author && author.id !== pusher.id && (pusher.role === "admin" || author.province === pusher.province)) {
    return { province: author.province, team: author.team };
  }
  if (pusher.role === "admin" && change.field === "province" && typeof change.value === "string") {
    return { province: change.value, team: null };
  }
  return { province: pusher.province, team: null };
}
