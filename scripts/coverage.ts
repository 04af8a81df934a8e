// `npm run coverage [-- test files…]`: the unit tests with V8 coverage of src/, then line and branch coverage per
// layer. A failing test still gives the figures, and the command still fails.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";

const DIR = "coverage";
rmSync(path.join(DIR, "coverage-summary.json"), { force: true });
const vitest = spawnSync(
  process.execPath,
  [
    path.resolve("node_modules/vitest/vitest.mjs"),
    "run",
    "--project=unit",
    "--coverage.enabled",
    "--coverage.provider=v8",
    "--coverage.include=src/**",
    "--coverage.reporter=json-summary",
    "--coverage.reporter=html",
    "--coverage.reportOnFailure",
    `--coverage.reportsDirectory=${DIR}`,
    ...process.argv.slice(2),
  ],
  { stdio: "inherit" },
);

const LAYERS = ["src/domain", "src/server", "src/app", "src/report", "src/checklists"];
type Count = { total: number; covered: number };
type FileSummary = { lines: Count; branches: Count };

const summaryFile = path.resolve(DIR, "coverage-summary.json");
let summary: Record<string, FileSummary>;
try {
  summary = JSON.parse(readFileSync(summaryFile, "utf8")) as Record<string, FileSummary>;
} catch (e) {
  process.stderr.write(`coverage: cannot read ${summaryFile} (${(e as Error).message}); the test run did not write it\n`);
  process.exit(1);
}

const percent = ({ total, covered }: Count) => (total === 0 ? "  —  " : `${((100 * covered) / total).toFixed(1).padStart(5)} %`);
const rows: string[] = [];
for (const layer of LAYERS) {
  const prefix = path.resolve(layer) + path.sep;
  const sum = { lines: { total: 0, covered: 0 }, branches: { total: 0, covered: 0 }, files: 0 };
  for (const [file, s] of Object.entries(summary)) {
    if (!path.resolve(file).startsWith(prefix)) continue;
    sum.files++;
    for (const k of ["lines", "branches"] as const) {
      sum[k].total += s[k].total;
      sum[k].covered += s[k].covered;
    }
  }
  rows.push(`${layer.padEnd(16)} ${String(sum.files).padStart(5)}  ${percent(sum.lines)} (${sum.lines.covered}/${sum.lines.total})  ${percent(sum.branches)} (${sum.branches.covered}/${sum.branches.total})`);
}
process.stdout.write(`${"layer".padEnd(16)} files  lines              branches\n${rows.join("\n")}\n`);
process.exit(vitest.status ?? 1);
