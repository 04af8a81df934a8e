import type { Queryable } from "../Storage";
import type { ServerUser } from "./ServerUser";
import { sha256Hex } from "./sha256Hex";
import { USER_COLUMNS, userFromRow } from "./userFromRow";

/** The user a bearer token belongs to, or null if it is unknown, revoked or expired. */
export async function userForToken(db: Queryable, token: string, nowMs: number): Promise<ServerUser | null> {
  if (token.length < 10 || token.length > 200) return null;
  const r = await db.query(
    `select ${USER_COLUMNS} from tokens t join users u on u.id = t.user_id
     where t.token_hash = $1 and not t.revoked and t.expires_at_ms > $2`,
    [sha256Hex(token), nowMs],
  );
  const row = r.rows[0];
  return row ? userFromRow(row) : null;
}
