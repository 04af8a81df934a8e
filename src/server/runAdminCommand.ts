/** The commands of `npm run admin` (src/server/adminCli.ts), runnable in process on any storage. */
import { createUser } from "./auth/createUser";
import { hashPassword } from "./auth/hashPassword";
import { NewUserSchema } from "./auth/NewUserSchema";
import { MIN_PASSWORD_LENGTH, passwordProblem } from "./auth/passwordProblem";
import { usernameKey } from "./auth/usernameKey";
import { newEpoch } from "./newEpoch";
import type { Storage } from "./Storage";

const USAGE =
  "usage: npm run admin -- create-user <username> <password> <admin|dost|lead|inspector> [province] [team] | reset-password <username> <password> | revoke-tokens <username> | disable-user <username> | enable-user <username> | new-epoch";

/** The schema's messages are Vietnamese (for the API); the command states each field's rule in English. */
const FIELD_RULES: Record<string, string> = {
  username: "2 to 64 characters: letters without diacritics, digits, . _ @ -",
  password: `${MIN_PASSWORD_LENGTH} to 200 characters, not a common password`,
  role: "one of admin, dost, lead, inspector",
  province: "required for dost, lead and inspector",
  team: "required for lead and inspector",
};

/** What `npm run admin` prints: a line of output, or a one-line English error. */
export type AdminResult = { ok: true; out: string } | { ok: false; error: string };

class CliError extends Error {}

/** The admin commands' arguments checked before any database is opened: the usage error, or null. */
export function adminArgsProblem(args: readonly string[]): string | null {
  const [cmd, ...rest] = args;
  const need: Record<string, number> = { "create-user": 3, "reset-password": 2, "revoke-tokens": 1, "disable-user": 1, "enable-user": 1, "new-epoch": 0 };
  if (!cmd) return USAGE;
  if (!(cmd in need)) return `unknown command "${cmd}"; ${USAGE}`;
  if (rest.length < need[cmd]!) return USAGE;
  return null;
}

/** Runs one admin command on an open database. */
export async function runAdminCommand(storage: Storage, args: readonly string[]): Promise<AdminResult> {
  const usage = adminArgsProblem(args);
  if (usage) return { ok: false, error: usage };
  try {
    return { ok: true, out: await run(storage, args) };
  } catch (e) {
    if (e instanceof CliError) return { ok: false, error: e.message };
    throw e;
  }
}

async function run(storage: Storage, args: readonly string[]): Promise<string> {
  const [cmd, ...rest] = args;
  switch (cmd) {
    case "create-user": {
      const [username, password, role, province, team] = rest;
      const parsed = NewUserSchema.safeParse({ username, password, role, province: province ?? null, team: team ?? null });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.join(".") || "input";
        throw new CliError(`invalid user: ${field}: ${FIELD_RULES[field] ?? "bad value"}`);
      }
      const u = await createUser(storage, parsed.data);
      if (!u) throw new CliError(`user "${parsed.data.username}" already exists`);
      return `created ${u.role} "${u.username}" (province ${u.province ?? "-"}, team ${u.team ?? "-"})`;
    }
    case "reset-password": {
      const [username, password] = rest;
      if (!username || !password) throw new CliError(USAGE);
      if (passwordProblem(password, username)) throw new CliError(`password must have ${FIELD_RULES.password}, and not look like the username`);
      const hash = await hashPassword(password);
      const n = await storage.transaction(async (tx) => {
        const r = await tx.query<{ id: string }>("update users set password_hash = $2 where username_key = $1 returning id", [usernameKey(username), hash]);
        if (r.rows[0]) await tx.query("update tokens set revoked = true where user_id = $1", [r.rows[0].id]);
        return r.rows.length;
      });
      if (n === 0) throw new CliError(`no user "${username}"`);
      return `password of "${username}" reset; its tokens are revoked`;
    }
    case "revoke-tokens": {
      const [username] = rest;
      if (!username) throw new CliError(USAGE);
      const u = await storage.query<{ id: string }>("select id from users where username_key = $1", [usernameKey(username)]);
      if (!u.rows[0]) throw new CliError(`no user "${username}"`);
      const r = await storage.query("update tokens set revoked = true where user_id = $1 and not revoked returning token_hash", [u.rows[0].id]);
      return `revoked ${r.rows.length} token(s) of "${username}"`;
    }
    case "disable-user":
    case "enable-user": {
      const [username] = rest;
      const disabled = cmd === "disable-user";
      const r = await storage.query("update users set disabled = $2 where username_key = $1 returning id", [usernameKey(username ?? ""), disabled]);
      if (r.rows.length === 0) throw new CliError(`no user "${username}"`);
      return disabled ? `disabled "${username}": it cannot log in and its tokens are refused` : `enabled "${username}"`;
    }
    case "new-epoch":
      return `new server epoch ${await newEpoch(storage)}: devices will push their retained changes again`;
    default:
      throw new CliError(cmd ? `unknown command "${cmd}"; ${USAGE}` : USAGE);
  }
}
