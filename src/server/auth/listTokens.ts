import type { DeviceToken } from "../../domain/deviceToken";
import type { Queryable } from "../Storage";
import { TOKEN_IDLE_MS } from "./issueToken";

const iso = (ms: unknown) => (ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString());

/** The tokens of a user that still work (not revoked, not expired, not idle too long), most recently used first. */
export async function listTokens(db: Queryable, userId: string, nowMs: number, currentTokenId = ""): Promise<DeviceToken[]> {
  const r = await db.query<{ id: string; device: string | null; user_agent: string; issued: string | null; used: string | null; expires: string }>(
    `select left(token_hash, 16) as id, device, user_agent, issued_at_ms::text as issued, last_used_at_ms::text as used,
            expires_at_ms::text as expires
     from tokens where user_id = $1 and not revoked and expires_at_ms > $2 and coalesce(last_used_at_ms, expires_at_ms) > $3
     order by coalesce(last_used_at_ms, 0) desc, token_hash`,
    [userId, nowMs, nowMs - TOKEN_IDLE_MS],
  );
  return r.rows.map((t) => ({
    id: t.id,
    device: t.device,
    userAgent: t.user_agent,
    issuedAt: iso(t.issued),
    lastUsedAt: iso(t.used),
    expiresAt: iso(Math.min(Number(t.expires), t.used === null ? Infinity : Number(t.used) + TOKEN_IDLE_MS))!,
    current: t.id === currentTokenId,
  }));
}
