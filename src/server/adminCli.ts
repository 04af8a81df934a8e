/**
 * `npm run admin -- <command>` on the database of DATABASE_URL (PostgreSQL) or DATA_DIR (PGlite, default ./data):
 *   create-user <username> <password> <role> [province] [team]
 *   reset-password <username> <new-password>     (also revokes the user's tokens)
 *   revoke-tokens <username>
 *   new-epoch                                    (after restoring a backup: devices push their changes again)
 * Errors are one English line on stderr and a non-zero exit code.
 */
import { createUser } from "./auth/createUser";
import { hashPassword } from "./auth/hashPassword";
import { NewUserSchema } from "./auth/NewUserSchema";
import { newEpoch } from "./newEpoch";
import { openStorage } from "./openStorage";
import type { Storage } from "./Storage";

const USAGE =
  "usage: npm run admin -- create-user <username> <password> <admin|dost|lead|inspector> [province] [team] | reset-password <username> <password> | revoke-tokens <username> | new-epoch";

class CliError extends Error {}

async function run(storage: Storage, args: string[]): Promise<string> {
  const [cmd, ...rest] = args;
  switch (cmd) {
    case "create-user": {
      const [username, password, role, province, team] = rest;
      const parsed = NewUserSchema.safeParse({ username, password, role, province: province ?? null, team: team ?? null });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new CliError(`invalid user: ${issue?.path.join(".") || "input"}: ${issue?.message ?? "bad value"}`);
      }
      const u = await createUser(storage, parsed.data);
      if (!u) throw new CliError(`user "${parsed.data.username}" already exists`);
      return `created ${u.role} "${u.username}" (province ${u.province ?? "-"}, team ${u.team ?? "-"})`;
    }
    case "reset-password": {
      const [username, password] = rest;
      if (!username || !password) throw new CliError(USAGE);
      if (password.length < 8) throw new CliError("password must have at least 8 characters");
      const hash = await hashPassword(password);
      const n = await storage.transaction(async (tx) => {
        const r = await tx.query<{ id: string }>("update users set password_hash = $2 where username = $1 returning id", [username, hash]);
        if (r.rows[0]) await tx.query("update tokens set revoked = true where user_id = $1", [r.rows[0].id]);
        return r.rows.length;
      });
      if (n === 0) throw new CliError(`no user "${username}"`);
      return `password of "${username}" reset; its tokens are revoked`;
    }
    case "revoke-tokens": {
      const [username] = rest;
      if (!username) throw new CliError(USAGE);
      const u = await storage.query<{ id: string }>("select id from users where username = $1", [username]);
      if (!u.rows[0]) throw new CliError(`no user "${username}"`);
      const r = await storage.query("update tokens set revoked = true where user_id = $1 and not revoked returning token_hash", [u.rows[0].id]);
      return `revoked ${r.rows.length} token(s) of "${username}"`;
    }
    case "new-epoch":
      return `new server epoch ${await newEpoch(storage)}: devices will push their retained changes again`;
    default:
      throw new CliError(cmd ? `unknown command "${cmd}"; ${USAGE}` : USAGE);
  }
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  let storage: Storage;
  try {
    storage = await openStorage(databaseUrl ? { databaseUrl } : { dataDir: process.env.DATA_DIR ?? "./data" });
  } catch (e) {
    throw new CliError(`cannot open the database: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
  }
  try {
    console.log(await run(storage, process.argv.slice(2)));
  } finally {
    await storage.close();
  }
}

main().catch((e: unknown) => {
  const msg = e instanceof Error ? e.message.split("\n")[0] : String(e);
  console.error(`admin: ${msg}`);
  process.exit(1);
});
