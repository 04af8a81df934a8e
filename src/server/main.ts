/** `npm start`: opens the database, makes sure the admin account exists, serves dist/ and the API on PORT. */
import { statfsSync } from "node:fs";
import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { answerClientErrors } from "./answerClientErrors";
import { ensureAdmin } from "./auth/ensureAdmin";
import { createApp } from "./createApp";
import { detectRestore } from "./detectRestore";
import { getEpoch } from "./getEpoch";
import { openStorage } from "./openStorage";
import { startWatchdog } from "./startWatchdog";

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8080);
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = process.env.DATA_DIR ?? "./data";
  const storage = await openStorage({ ...(databaseUrl ? { databaseUrl } : { dataDir }) });
  const admin = await ensureAdmin(storage, process.env.ADMIN_PASSWORD || undefined);
  if (admin.generated) {
    console.log(`Created account "admin" with generated password: ${admin.generated}`);
    console.log("It is shown only this once; change it with: npm run admin -- reset-password admin <new-password>");
  } else if (admin.created) console.log('Created account "admin" with the password in ADMIN_PASSWORD.');
  if (await detectRestore(storage)) console.log("The database was restored from a backup: started a new epoch, devices will push their changes again.");
  const epoch = await getEpoch(storage);
  // PGlite's data directory is on this machine: keep a free-space reserve there (PostgreSQL watches its own disk).
  const diskFree = databaseUrl ? undefined : () => {
    try {
      const s = statfsSync(dataDir);
      return s.bavail * s.bsize;
    } catch {
      return null;
    }
  };
  const reserveMb = Number(process.env.DISK_RESERVE_MB ?? 256);
  const app = createApp({ storage, staticDir: process.env.STATIC_DIR ?? "dist", ...(diskFree ? { diskFree } : {}), ...(reserveMb >= 0 ? { diskReserveBytes: reserveMb * 1024 * 1024 } : {}) });
  const server = serve({ fetch: app.fetch, port }, (info) => {
    const where = databaseUrl ? "PostgreSQL" : `PGlite in ${dataDir}`;
    console.log(`Sync server listening on http://localhost:${info.port} (${where}, epoch ${epoch})`);
  });
  answerClientErrors(server as Server);
  const watchdog = Number(process.env.WATCHDOG_SECONDS ?? 120);
  if (watchdog > 0) startWatchdog(watchdog);
  const stop = () => {
    server.close();
    void storage.close().finally(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
  console.error(`server: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
