import { randomUUID } from "node:crypto";
import type { Queryable } from "../Storage";
import { hashPassword, SCRYPT_PARAMS, type ScryptParams } from "./hashPassword";
import type { NewUser } from "./NewUserSchema";
import type { ServerUser } from "./ServerUser";
import { usernameKey } from "./usernameKey";

/**
 * Inserts a user (already validated with NewUserSchema); null if the username is taken, in any letter case.
 * `hashParams` exists for tests, which create many users; every real account gets SCRYPT_PARAMS.
 */
export async function createUser(db: Queryable, u: NewUser, hashParams: ScryptParams = SCRYPT_PARAMS): Promise<ServerUser | null> {
  const id = randomUUID();
  const province = u.province ?? null;
  const team = u.role === "lead" || u.role === "inspector" ? (u.team ?? null) : null;
  const hash = await hashPassword(u.password, hashParams);
  const r = await db.query(
    `insert into users (id, username, username_key, password_hash, role, province, team, display_name)
     select $1, $2, $8, $3, $4, $5, $6, $7 where not exists (select 1 from users where username_key = $8)
     on conflict (username) do nothing returning id`,
    [id, u.username, hash, u.role, province, team, u.displayName ?? "", usernameKey(u.username)],
  );
  if (r.rows.length === 0) return null;
  return { id, username: u.username, role: u.role, province, team, displayName: u.displayName ?? "" };
}
