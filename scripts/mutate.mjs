/* global process, console */
/**
 * `npm run mutate [-- area ...]`: StrykerJS over each named area of stryker.config.mjs (all when none is named),
 * one area after the other, then one line per area with its mutation score. Exits non-zero when an area is below
 * its target. `--full` re-tests every mutant instead of only those whose code or covering tests changed; any other
 * `--option=value` goes to Stryker as it is (e.g. `--mutate=src/domain/hlc.ts` for one file of an area).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { AREAS } from "../stryker.config.mjs";

const args = process.argv.slice(2);
const full = args.includes("--full");
const asked = args.filter((a) => !a.startsWith("--"));
const passed = args.filter((a) => a.startsWith("--") && a !== "--full");
const unknown = asked.filter((a) => !(a in AREAS));
if (unknown.length > 0) {
  console.error(`Unknown area: ${unknown.join(", ")}. Areas: ${Object.keys(AREAS).join(", ")}.`);
  process.exit(2);
}
const areas = asked.length > 0 ? asked : Object.keys(AREAS);

/** Stryker's score: detected (killed or timed out) over valid mutants, ignoring ignored, equivalent-free. */
function score(report) {
  const count = { killed: 0, timeout: 0, survived: 0, nocoverage: 0, other: 0 };
  for (const file of Object.values(report.files)) {
    for (const m of file.mutants) {
      const k = m.status.toLowerCase();
      count[k in count ? k : "other"]++;
    }
  }
  const detected = count.killed + count.timeout;
  const valid = detected + count.survived + count.nocoverage;
  return { ...count, pct: valid === 0 ? 100 : (100 * detected) / valid };
}

const lines = [];
let failed = false;
for (const area of areas) {
  console.log(`\n=== mutation testing: ${area} ===`);
  const file = `reports/mutation/${area}.json`;
  rmSync(file, { force: true });
  const run = spawnSync("npx", ["stryker", "run", "stryker.config.mjs", ...(full ? ["--force"] : []), ...passed], {
    stdio: "inherit",
    env: { ...process.env, MUTATE_AREA: area },
  });
  if (!existsSync(file)) {
    lines.push(`${area}: no report (stryker exited ${run.status})`);
    failed = true;
    continue;
  }
  const s = score(JSON.parse(readFileSync(file, "utf8")));
  const ok = s.pct >= AREAS[area].break && run.status === 0;
  failed ||= !ok;
  lines.push(
    `${area.padEnd(11)} ${s.pct.toFixed(2).padStart(6)} % (target ${AREAS[area].break} %) killed ${s.killed}, timeout ${s.timeout}, survived ${s.survived}, no coverage ${s.nocoverage}${ok ? "" : "  BELOW TARGET"}`,
  );
}
console.log(`\n=== mutation scores ===\n${lines.join("\n")}`);
process.exit(failed ? 1 : 0);
