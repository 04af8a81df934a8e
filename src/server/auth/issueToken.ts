import { randomBytes } from "node:crypto";
import type { Queryable } from "../Storage";
import { sha256Hex } from "./sha256Hex";

/** Tokens live long: a tablet may stay offline for weeks and must still push when it comes back. */
export const TOKEN_TTL_MS = 180 * 24 * 60 * 60 * 1000;

/** A new random bearer token for the user; only its sha256 is stored. */
export async function issueToken(db: Queryable, userId: string, nowMs: number): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.query("insert into tokens (token_hash, user_id, expires_at_ms) values ($1, $2, $3)", [sha256Hex(token), userId, nowMs + TOKEN_TTL_MS]);
  return token;
}
