/* global process */
/**
 * StrykerJS mutation testing over the rules that decide data and access, one area at a time (`npm run mutate --
 * <area>`; see docs/mutation-testing.md). Each area names the files it mutates, the test files that must kill its
 * mutants (so a run does not load the whole suite), and the score it must reach. MUTATE_AREA picks the area when this
 * file is given to `npx stryker run` directly; without it every area is mutated at once.
 */
export const AREAS = {
  domain: {
    mutate: ["src/domain/**/*.ts"],
    testFiles: [
      "tests/domain/**/*.test.ts",
      "tests/dost/planAndFollowUp.test.ts",
      "tests/dost/registry.test.ts",
      "tests/dost/reorganiseSuccessor.test.ts",
    ],
    break: 90,
  },
  server: {
    mutate: ["src/server/sync/**/*.ts", "src/server/auth/**/*.ts"],
    testFiles: [
      "tests/server/*Rules.test.ts",
      "tests/server/authorization.test.ts",
      "tests/server/malformed.test.ts",
      "tests/server/storage.test.ts",
      "tests/server/incrementalMerge.test.ts",
    ],
    break: 90,
  },
  app: {
    mutate: ["src/app/sync/**/*.ts", "src/app/db/**/*.ts"],
    testFiles: [
      "tests/app-db/*Rules.test.ts",
      "tests/app-db/backupRestore.test.ts",
      "tests/app-db/forcedFailure.test.ts",
      "tests/app-db/inspectionFlow.test.ts",
      "tests/app-db/migrations.test.ts",
      "tests/app-db/writeEdits.test.ts",
      "tests/sync/bundle.test.ts",
      "tests/sync/syncEngine.test.ts",
      "tests/sync/syncEngineRequests.test.ts",
      "tests/sync/syncEngineRunner.test.ts",
    ],
    break: 80,
  },
  checklists: {
    // The importer's row logic: how table rows become sections, criteria and list entries.
    mutate: [
      "src/checklists/matrixRowsOf.ts",
      "src/checklists/joinEntries.ts",
      "src/checklists/splitListEntries.ts",
      "src/checklists/cleanCellText.ts",
      "src/checklists/columnRoleOf.ts",
      "src/checklists/headerRolesOf.ts",
      "src/checklists/findHeader.ts",
      "src/checklists/isNumberingRow.ts",
      "src/checklists/isInspectionSection.ts",
      "src/checklists/isRoman.ts",
      "src/checklists/parseLabel.ts",
      "src/checklists/sectionInMergedRow.ts",
    ],
    testFiles: [
      "tests/checklists/*Rules.test.ts",
      "tests/checklists/cellRules.test.ts",
      "tests/checklists/formats.test.ts",
      "tests/checklists/badInput.test.ts",
      "tests/checklists/seedMatrix.test.ts",
    ],
    break: 80,
  },
  report: {
    // The formatting helpers of the PDF documents (dates, numbers, places, legal bases, recipients, glyphs) and CSV.
    mutate: [
      "src/report/pdf/formatDateVi.ts",
      "src/report/pdf/formatDocNumber.ts",
      "src/report/pdf/formatPlaceDate.ts",
      "src/report/pdf/legalBasisLines.ts",
      "src/report/pdf/recipientLines.ts",
      "src/report/pdf/nfc.ts",
      "src/report/pdf/deepNfc.ts",
      "src/report/pdf/replaceMissingGlyphs.ts",
      "src/report/csv/**/*.ts",
    ],
    testFiles: ["tests/report/*Rules.test.ts", "tests/report/formatting.test.ts", "tests/report/spreadsheets.test.ts"],
    break: 80,
  },
};

const names = process.env.MUTATE_AREA ? [process.env.MUTATE_AREA] : Object.keys(AREAS);
for (const n of names) if (!(n in AREAS)) throw new Error(`unknown mutation area "${n}": one of ${Object.keys(AREAS).join(", ")}`);
const picked = names.map((n) => AREAS[n]);
const tag = names.length === 1 ? names[0] : "all";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.stryker.config.mjs", related: false },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate: picked.flatMap((a) => a.mutate),
  testFiles: picked.flatMap((a) => a.testFiles),
  coverageAnalysis: "perTest",
  // Mutants that only run while a module loads (zod schemas, constant tables) need a fresh test environment and the
  // whole test list each: on two cores they took 79 % of a domain run. They are reported as ignored, not scored;
  // the schemas are covered by their own tests. MUTATE_STATIC=1 includes them.
  ignoreStatic: process.env.MUTATE_STATIC !== "1",
  // Two cores shared with everything else on the machine.
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 2),
  timeoutMS: 20_000,
  timeoutFactor: 2,
  // Committed, so the next run (and the next person) re-tests only mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: `stryker-incremental/${tag}.json`,
  ignorePatterns: ["dist", "data", "coverage", ".tmp", "tests/e2e", "stryker-incremental"],
  reporters: ["clear-text", "progress-append-only", "html", "json"],
  htmlReporter: { fileName: `reports/mutation/${tag}.html` },
  jsonReporter: { fileName: `reports/mutation/${tag}.json` },
  thresholds: { high: 90, low: 80, break: Math.min(...picked.map((a) => a.break)) },
  cleanTempDir: "always",
};
