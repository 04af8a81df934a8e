import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "vite";

/**
 * Bundles tests/report/bench/reportBenchEntry.ts (the app's renderer plus a sample generator) into one IIFE
 * script under .tmp/ and returns its text. jsPDF's optional html2canvas, DOMPurify and canvg (HTML and SVG input
 * only) are left out, as the app's code-split build never loads them.
 */
export async function buildReportBundle(outDir: string): Promise<string> {
  const root = process.cwd();
  rmSync(outDir, { recursive: true, force: true });
  await build({
    configFile: false,
    logLevel: "warn",
    root,
    resolve: { alias: Object.fromEntries(["html2canvas", "dompurify", "canvg"].map((m) => [m, join(root, "tests/report/bench/empty.ts")])) },
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      lib: { entry: join(root, "tests/report/bench/reportBenchEntry.ts"), formats: ["iife"], name: "reportBenchBundle", fileName: () => "report.js" },
    },
  });
  return readFileSync(join(outDir, "report.js"), "utf8");
}
