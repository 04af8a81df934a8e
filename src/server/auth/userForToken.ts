import type { Queryable } from "../Storage";
import { TOKEN_IDLE_MS } from "./issueToken";
import type { ServerUser } from "./ServerUser";
import { sha256Hex } from "./sha256Hex";
import { USER_COLUMNS, userFromRow } from "./userFromRow";

/** How often a token's last use is written: once an hour is enough for an idle limit counted in weeks. */
const TOUCH_EVERY_MS = 60 * 60 * 1000;

export interface TokenSession {
  user: ServerUser;
  /** The token's public id: the first 16 hex digits of its sha256. */
  tokenId: string;
  /** The device the token was issued to, or null for a token issued before logins named their device. */
  device: string | null;
}

/** The session a bearer token opens, or null if it is unknown, revoked, idle too long, expired or its account disabled. */
export async function userForToken(db: Queryable, token: string, nowMs: number): Promise<TokenSession | null> {
  if (token.length < 10 || token.length > 200) return null;
  const hash = sha256Hex(token);
  const r = await db.query(
    `select ${USER_COLUMNS}, t.device, t.last_used_at_ms::text as last_used from tokens t join users u on u.id = t.user_id
     where t.token_hash = $1 and not t.revoked and not u.disabled and t.expires_at_ms > $2
       and coalesce(t.last_used_at_ms, t.expires_at_ms) > $3`,
    [hash, nowMs, nowMs - TOKEN_IDLE_MS],
  );
  const row = r.rows[0];
  if (!row) return null;
  if (row.last_used === null || Number(row.last_used) < nowMs - TOUCH_EVERY_MS) {
    await db.query("update tokens set last_used_at_ms = greatest(coalesce(last_used_at_ms, 0), $2) where token_hash = $1", [hash, nowMs]);
  }
  return { user: userFromRow(row), tokenId: hash.slice(0, 16), device: (row.device as string | null) ?? null };
}
