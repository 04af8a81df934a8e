import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Embedded PGlite must be opened by one process at a time: a second server or `npm run admin` on the same DATA_DIR
 * would corrupt it. Takes `<dir>/server.pid` (a stale one left by a killed process is taken over) and returns its
 * release; throws an English one-liner when a live process holds it.
 */
export function lockDataDir(dir: string): () => void {
  const file = join(dir, "server.pid");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = Number(readFileSync(file, "utf8").trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        throw new Error(`data directory ${dir} is in use by process ${holder}; stop it first (or use DATABASE_URL for several instances)`, { cause: e });
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`cannot lock data directory ${dir}`);
}
