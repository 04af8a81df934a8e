import { randomBytes } from "node:crypto";
import type { Storage } from "../Storage";
import { createUser } from "./createUser";

/**
 * Creates the `admin` account when no admin exists. Returns the generated password (to print once) when none was
 * given, otherwise null.
 */
export async function ensureAdmin(storage: Storage, adminPassword: string | undefined): Promise<{ created: boolean; generated: string | null }> {
  return storage.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock(4243)");
    const r = await tx.query("select 1 from users where role = 'admin' limit 1");
    if (r.rows.length > 0) return { created: false, generated: null };
    const generated = adminPassword ? null : randomBytes(12).toString("base64url");
    const password = adminPassword ?? generated!;
    await createUser(tx, { username: "admin", password, role: "admin", province: null, team: null });
    return { created: true, generated };
  });
}
