import type { Queryable } from "../Storage";

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_USER = 10;
export const MAX_FAILURES_PER_IP = 50;

/**
 * Failed logins are counted in the database (so every server instance sees them): more than the limit within
 * the window, per username or per client address, and further attempts are refused until the window passes.
 * Returns the milliseconds to wait, or 0 when an attempt is allowed.
 */
export async function loginRetryAfter(db: Queryable, username: string, ip: string, nowMs: number): Promise<number> {
  const since = nowMs - LOGIN_WINDOW_MS;
  const r = await db.query<{ key: string; n: number; first: string }>(
    `select key, count(*)::int as n, min(at_ms)::text as first from login_failures
     where key in ($1, $2) and at_ms > $3 group by key`,
    [`user:${username.toLowerCase()}`, `ip:${ip}`, since],
  );
  let wait = 0;
  for (const row of r.rows) {
    const max = row.key.startsWith("user:") ? MAX_FAILURES_PER_USER : MAX_FAILURES_PER_IP;
    if (row.n >= max) wait = Math.max(wait, Number(row.first) + LOGIN_WINDOW_MS - nowMs);
  }
  return Math.max(0, wait);
}

export async function recordLoginFailure(db: Queryable, username: string, ip: string, nowMs: number): Promise<void> {
  await db.query("delete from login_failures where at_ms < $1", [nowMs - LOGIN_WINDOW_MS]);
  await db.query("insert into login_failures (key, at_ms) values ($1, $3), ($2, $3)", [`user:${username.toLowerCase()}`, `ip:${ip}`, nowMs]);
}
