import { randomBytes } from "node:crypto";
import type { Queryable } from "../Storage";
import { sha256Hex } from "./sha256Hex";

/**
 * A token stays valid while it is used at least once per idle period (a tablet may stay offline for weeks and
 * must still push when it comes back), and never longer than TOKEN_MAX_MS after login.
 */
export const TOKEN_IDLE_MS = 60 * 24 * 60 * 60 * 1000;
export const TOKEN_MAX_MS = 365 * 24 * 60 * 60 * 1000;
/** Kept for callers of the old fixed lifetime. */
export const TOKEN_TTL_MS = TOKEN_MAX_MS;

/** A new random bearer token for the user, bound to a device when the login named one; only its sha256 is stored. */
export async function issueToken(
  db: Queryable,
  userId: string,
  nowMs: number,
  opts: { device?: string | null; userAgent?: string } = {},
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.query(
    `insert into tokens (token_hash, user_id, expires_at_ms, device, issued_at_ms, last_used_at_ms, user_agent)
     values ($1, $2, $3, $4, $5, $5, $6)`,
    [sha256Hex(token), userId, nowMs + TOKEN_MAX_MS, opts.device ?? null, nowMs, (opts.userAgent ?? "").slice(0, 200)],
  );
  return token;
}
