import { randomUUID } from "node:crypto";
import type { Queryable } from "../Storage";
import { hashPassword } from "./hashPassword";
import type { NewUser } from "./NewUserSchema";
import type { ServerUser } from "./ServerUser";

/** Inserts a user (already validated with NewUserSchema); null if the username is taken. */
export async function createUser(db: Queryable, u: NewUser): Promise<ServerUser | null> {
  const id = randomUUID();
  const province = u.province ?? null;
  const team = u.role === "lead" || u.role === "inspector" ? (u.team ?? null) : null;
  const hash = await hashPassword(u.password);
  const r = await db.query(
    `insert into users (id, username, password_hash, role, province, team, display_name)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict (username) do nothing returning id`,
    [id, u.username, hash, u.role, province, team, u.displayName ?? ""],
  );
  if (r.rows.length === 0) return null;
  return { id, username: u.username, role: u.role, province, team, displayName: u.displayName ?? "" };
}
