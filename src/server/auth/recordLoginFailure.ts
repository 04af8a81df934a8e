import type { Queryable } from "../Storage";
import { LOGIN_LIMITS } from "./LOGIN_LIMITS";

/** Counts a failed login against the username and the client address, forgetting failures older than the window. */
export async function recordLoginFailure(db: Queryable, username: string, ip: string, nowMs: number): Promise<void> {
  await db.query("delete from login_failures where at_ms < $1", [nowMs - LOGIN_LIMITS.windowMs]);
  await db.query("insert into login_failures (key, at_ms) values ($1, $3), ($2, $3)", [`user:${username.toLowerCase()}`, `ip:${ip}`, nowMs]);
}
