/**
 * `npm run bench`: runs every tests/bench/*.bench.ts in its own process, one after another, so one benchmark's
 * memory and JIT state do not colour the next. Pass names to run a subset: `npm run bench -- checklists`.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

let failed = 0;
for (const f of files) {
  console.log(`\n=== ${f} ===`);
  const r = spawnSync(process.execPath, ["--import", "tsx", "--expose-gc", join(here, f)], { stdio: "inherit" });
  if (r.status !== 0) {
    failed++;
    console.log(`benchmark ${f} failed with exit code ${r.status}`);
  }
}
process.exit(failed > 0 ? 1 : 0);
