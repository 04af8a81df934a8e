/**
 * `npm run bench -- checklists`: imports a 5,000-row matrix in each format (TSV, CSV, XLSX, DOCX) and prints
 * the importer's time and peak memory beside the time and peak memory of the underlying library alone on the
 * same file (a plain split for TSV, papaparse for CSV, fflate + fast-xml-parser for XLSX and DOCX), measured
 * in the same run. Each measurement runs in a fresh child process, so its peak RSS is its own.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { strFromU8, unzipSync } from "fflate";
import Papa from "papaparse";
import { importChecklist } from "../../src/checklists/importChecklist";
import { xmlParser } from "../../src/checklists/xmlParser";
import { csvFixture } from "../checklists/fixtures/csvFixture";
import { docxFixture } from "../checklists/fixtures/docxFixture";
import { largeSections } from "../checklists/fixtures/largeSections";
import { cellOf, fixtureRows, type Col } from "../checklists/fixtures/matrixRows";
import { xlsxFixture } from "../checklists/fixtures/xlsxFixture";

type Format = "tsv" | "csv" | "xlsx" | "docx";
const FORMATS: Format[] = ["tsv", "csv", "xlsx", "docx"];
const RUNS = 5;

function tsvOf(sections = largeSections()): Uint8Array {
  const cols: Col[] = ["label", "item", "activities", "evidence", "responsible", "coordinating", "timing"];
  const lines = ["TT\tNội dung\tNội dung thực hiện\tKết quả đạt được\tCơ quan thực hiện\tCơ quan phối hợp\tThời gian"];
  for (const r of fixtureRows(sections)) {
    if (r.kind === "section") lines.push(`${r.label}\t${r.title}\t\t\t\t\t`);
    else lines.push(cols.map((c) => cellOf(r, c, "-", " ")).join("\t"));
  }
  return new TextEncoder().encode(lines.join("\n"));
}

/** What the library alone does with the file: the floor under the importer's own cost. */
function libraryAlone(format: Format, bytes: Uint8Array): number {
  if (format === "tsv") return new TextDecoder().decode(bytes).split("\n").map((l) => l.split("\t")).length;
  if (format === "csv") return Papa.parse<string[]>(new TextDecoder().decode(bytes)).data.length;
  const files = unzipSync(bytes, { filter: (f) => f.name.endsWith(".xml") || f.name.endsWith(".rels") });
  if (format === "xlsx") {
    const p = xmlParser({ preserveOrder: false, isArray: ["si", "r", "row", "c", "mergeCell", "t"] });
    p.parse(strFromU8(files["xl/sharedStrings.xml"]!));
    const sheets = Object.keys(files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
    return sheets.map((n) => p.parse(strFromU8(files[n]!))).length;
  }
  return (xmlParser({ preserveOrder: true }).parse(strFromU8(files["word/document.xml"]!)) as unknown[]).length;
}

function child(format: Format, mode: "importer" | "library", path: string): void {
  const bytes = new Uint8Array(readFileSync(path));
  const run = (): unknown =>
    mode === "library" ? libraryAlone(format, bytes) : importChecklist({ name: `matrix.${format}`, bytes }).checklist.sections.length;
  const base = process.resourceUsage().maxRSS;
  const t0 = performance.now();
  const first = run();
  const firstMs = performance.now() - t0;
  const peakKb = process.resourceUsage().maxRSS - base;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  process.stdout.write(JSON.stringify({ first, firstMs, medianMs: times[Math.floor(RUNS / 2)], peakMb: peakKb / 1024 }));
}

async function parent(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bench-checklists-"));
  const sections = largeSections();
  const files: Record<Format, Uint8Array> = {
    tsv: tsvOf(sections),
    csv: csvFixture(sections),
    xlsx: await xlsxFixture(sections),
    docx: await docxFixture(sections),
  };
  const rows = fixtureRows(sections).length;
  console.log(`matrix: ${rows} rows (${sections.length} sections, ${sections.reduce((n, s) => n + s.items.length, 0)} items); best of 2 processes, each the median of ${RUNS} runs after a first run; peak = growth of max RSS during the first run`);
  console.log("format  size     importer: first  median   peak RSS   | library alone: first  median   peak RSS   | importer/library");
  const self = fileURLToPath(import.meta.url);
  for (const format of FORMATS) {
    const path = join(dir, `matrix.${format}`);
    writeFileSync(path, files[format]);
    const measure = (mode: string) => {
      const r = spawnSync(process.execPath, ["--import", "tsx", "--expose-gc", self, "--child", format, mode, path], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`${format} ${mode}: ${r.stderr.split("\n")[0]}`);
      return JSON.parse(r.stdout) as { first: unknown; firstMs: number; medianMs: number; peakMb: number };
    };
    // Interleaved twice, keeping the better of each, so a burst of load on a shared machine hits both sides.
    const best = (a: ReturnType<typeof measure>, b: ReturnType<typeof measure>) => (a.medianMs <= b.medianMs ? a : b);
    const imp1 = measure("importer");
    const lib1 = measure("library");
    const imp = best(imp1, measure("importer"));
    const lib = best(lib1, measure("library"));
    if (imp.first !== sections.length) throw new Error(`${format}: imported ${String(imp.first)} sections, expected ${sections.length}`);
    const f = (n: number, unit: string) => `${n.toFixed(1).padStart(7)} ${unit}`;
    console.log(
      `${format.padEnd(6)} ${(files[format].length / 1024 / 1024).toFixed(2).padStart(5)} MB  ${f(imp.firstMs, "ms")} ${f(imp.medianMs, "ms")} ${f(imp.peakMb, "MB")}  | ${f(lib.firstMs, "ms")} ${f(lib.medianMs, "ms")} ${f(lib.peakMb, "MB")}  | ${(imp.medianMs / lib.medianMs).toFixed(2)}×`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
}

const args = process.argv.slice(2);
if (args[0] === "--child") child(args[1] as Format, args[2] as "importer" | "library", args[3]!);
else await parent();
