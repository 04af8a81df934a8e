import type { Queryable } from "../Storage";
import { LOGIN_LIMITS } from "./LOGIN_LIMITS";

/**
 * Failed logins are counted in the database (so every server instance sees them): more than the limit within
 * the window, per username or per client address, and further attempts are refused until the window passes.
 * Returns the milliseconds to wait, or 0 when an attempt is allowed.
 */
export async function loginRetryAfter(db: Queryable, username: string, ip: string, nowMs: number): Promise<number> {
  const since = nowMs - LOGIN_LIMITS.windowMs;
  const r = await db.query<{ key: string; n: number; first: string }>(
    `select key, count(*)::int as n, min(at_ms)::text as first from login_failures
     where key in ($1, $2) and at_ms > $3 group by key`,
    [`user:${username.toLowerCase()}`, `ip:${ip}`, since],
  );
  let wait = 0;
  for (const row of r.rows) {
    const max = row.key.startsWith("user:") ? LOGIN_LIMITS.perUser : LOGIN_LIMITS.perAddress;
    if (row.n >= max) wait = Math.max(wait, Number(row.first) + LOGIN_LIMITS.windowMs - nowMs);
  }
  return Math.max(0, wait);
}
