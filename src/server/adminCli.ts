/**
 * `npm run admin -- <command>` on the database of DATABASE_URL (PostgreSQL) or DATA_DIR (PGlite, default ./data):
 *   create-user <username> <password> <role> [province] [team]
 *   reset-password <username> <new-password>     (also revokes the user's tokens)
 *   revoke-tokens <username>
 *   disable-user <username> / enable-user <username>   (a disabled account's tokens are refused at once)
 *   new-epoch                                    (after restoring a backup: devices push their changes again)
 * Errors are one English line on stderr and a non-zero exit code.
 */
import { openStorage } from "./openStorage";
import { adminArgsProblem, runAdminCommand } from "./runAdminCommand";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const usage = adminArgsProblem(args);
  if (usage) {
    console.error(`admin: ${usage}`);
    return 1;
  }
  const databaseUrl = process.env.DATABASE_URL || undefined;
  let storage;
  try {
    storage = await openStorage(databaseUrl ? { databaseUrl } : { dataDir: process.env.DATA_DIR ?? "./data" });
  } catch (e) {
    console.error(`admin: cannot open the database: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
    return 1;
  }
  try {
    const r = await runAdminCommand(storage, args);
    if (r.ok) console.log(r.out);
    else console.error(`admin: ${r.error}`);
    return r.ok ? 0 : 1;
  } finally {
    await storage.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`admin: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
    process.exit(1);
  },
);
