import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InspectionExportSchema } from "../../src/domain/inspectionExport";
import { runReportCli } from "../../src/report/cli/runReportCli";
import { renderInspectionRecord } from "../../src/report/renderInspectionRecord";
import { sampleExport } from "./fixtures/sampleExport";

const dir = mkdtempSync(join(tmpdir(), "report-cli-"));
const exp = sampleExport({ criteria: 14 });
const good = join(dir, "inspection.json");
writeFileSync(good, JSON.stringify(exp, null, 2));

async function cli(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await runReportCli(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

describe("npm run report", () => {
  it("record: the real command writes exactly the bytes the app's renderer makes, photos included", async () => {
    // Photos as the app's export carries them: JPEGs at most 1024 px (here poppler's rendering of a record page).
    const page = join(dir, "page.pdf");
    writeFileSync(page, await renderInspectionRecord(InspectionExportSchema.parse(exp)));
    const jpeg = (name: string, ...size: string[]) => {
      execFileSync("pdftoppm", ["-jpeg", "-f", "1", "-l", "1", "-singlefile", ...size, page, join(dir, name)]);
      return readFileSync(join(dir, `${name}.jpg`)).toString("base64");
    };
    const photos = [
      { mime: "image/jpeg" as const, data: jpeg("portrait", "-scale-to", "1024"), width: 725, height: 1024 },
      { mime: "image/jpeg" as const, data: jpeg("landscape", "-scale-to-x", "1024", "-scale-to-y", "768"), width: 1024, height: 768 },
    ];
    const withPhotos = join(dir, "with-photos.json");
    writeFileSync(withPhotos, JSON.stringify(sampleExport({ criteria: 14, photos })));

    const out = join(dir, "record.pdf");
    const r = spawnSync(process.execPath, ["--import", "tsx", "src/report/cli.ts", "record", withPhotos, "--out", out], { encoding: "utf8" });
    expect(r.stderr).toMatch(/^wrote .*record\.pdf \(\d+ bytes\)\n$/u);
    expect(r.status).toBe(0);
    const app = await renderInspectionRecord(InspectionExportSchema.parse(JSON.parse(readFileSync(withPhotos, "utf8"))));
    expect(new Uint8Array(readFileSync(out))).toEqual(app);
    expect(execFileSync("pdfinfo", [out], { encoding: "utf8" })).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/u);
    // Both photos are in the PDF at the size they came in.
    const images = execFileSync("pdfimages", ["-list", out], { encoding: "utf8" }).split("\n").slice(2).filter((l) => l.trim());
    expect(images.map((l) => l.trim().split(/\s+/u).slice(3, 5).join("x"))).toEqual(["725x1024", "1024x768"]);
  });

  it("a desk review never renders as a record: one English line naming the letter, exit 1, no file", async () => {
    const deskFile = join(dir, "desk.json");
    writeFileSync(deskFile, JSON.stringify({ ...exp, inspection: { ...exp.inspection, mode: "desk" } }));
    const out = join(dir, "desk-record.pdf");
    const r = await cli("record", deskFile, "--out", out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^report: a desk review \(mode "desk"\) has no inspection record \(biên bản\); make its letter instead: npm run report -- letter <file>\n$/u);
    expect(existsSync(out)).toBe(false);
    // Negative control: the same export on site renders.
    expect((await cli("record", good, "--out", out)).code).toBe(0);
    // And the letter refuses an on-site inspection the same way.
    const letter = await cli("letter", good, "--out", join(dir, "onsite-letter.pdf"));
    expect(letter.code).toBe(1);
    expect(letter.err.split("\n").filter(Boolean)).toHaveLength(1);
  });

  it("letter, team-report and xlsx write their files; csv goes to stdout with a BOM", async () => {
    const deskFile = join(dir, "desk-letter.json");
    writeFileSync(deskFile, JSON.stringify({ ...exp, inspection: { ...exp.inspection, mode: "desk" } }));
    for (const [cmd, ext] of [["letter", "pdf"], ["team-report", "pdf"], ["xlsx", "xlsx"]] as const) {
      const out = join(dir, `${cmd}.${ext}`);
      const r = await cli(cmd, cmd === "letter" ? deskFile : good, "--out", out);
      expect(r.code, r.err).toBe(0);
      expect(readFileSync(out).subarray(0, 4).toString("latin1")).toBe(ext === "pdf" ? "%PDF" : "PK\u0003\u0004");
    }
    const csv = await cli("results-csv", good);
    expect(csv.code).toBe(0);
    expect(csv.out.startsWith("\uFEFFCơ quan,Ngày kiểm tra")).toBe(true);
    expect(csv.out.split("\r\n").filter(Boolean)).toHaveLength(15);
  });

  it("bad input: one English line, exit 1, no stack trace, no file left behind", async () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{ not json");
    const wrongFormat = join(dir, "wrong.json");
    writeFileSync(wrongFormat, JSON.stringify({ format: "htqlcl-bundle/1", changes: [] }));
    const invalid = join(dir, "invalid.json");
    writeFileSync(invalid, JSON.stringify({ ...exp, inspection: { ...exp.inspection, startedOn: "2026-02-30" } }));
    const out = join(dir, "never.pdf");
    const cases: Array<[string[], RegExp]> = [
      [["record", join(dir, "missing.json"), "--out", out], /^report: cannot read .*missing\.json: no such file$/u],
      [["record", bad, "--out", out], /^report: .*bad\.json is not valid JSON: /u],
      [["record", wrongFormat, "--out", out], /^report: .*wrong\.json is not an inspection export: "format" must be "htqlcl-inspection\/1"$/u],
      [["record", invalid, "--out", out], /^report: .*invalid\.json is not a valid htqlcl-inspection\/1 export: at inspection\.startedOn: /u],
      [["record", good], /^report: record needs --out <file>$/u],
      [["record", good, "--out", join(dir, "no", "such", "dir.pdf")], /^report: cannot write .*dir\.pdf: no such directory$/u],
      [["frobnicate", good], /^report: unknown command frobnicate; usage: /u],
      [["record", good, "--colour"], /^report: unknown option --colour; usage: /u],
      [[], /^report: no command given; usage: npm run report -- <record\|/u],
      [["record"], /^report: record needs an inspection export file; usage: /u],
      [["record", good, "--out"], /^report: --out needs a file name$/u],
      [["record", good, good, "--out", out], /^report: record takes one file, got 2$/u],
      [["record", good, "--out", dir], /^report: cannot write .*: is a directory$/u],
      [["record", dir, "--out", out], /^report: cannot read .*: is a directory$/u],
    ];
    for (const [argv, message] of cases) {
      const r = await cli(...argv);
      expect(r.code, argv.join(" ")).toBe(1);
      const lines = r.err.split("\n").filter(Boolean);
      expect(lines, argv.join(" ")).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      expect(r.err).not.toMatch(/\n\s+at /u);
    }
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);

    // The real command, as `npm run report` starts it: the same one line on stderr and exit 1, no stack trace.
    const real = spawnSync(process.execPath, ["--import", "tsx", "src/report/cli.ts", "record", invalid, "--out", out], { encoding: "utf8" });
    expect(real.status).toBe(1);
    expect(real.stdout).toBe("");
    expect(real.stderr).toMatch(/^report: .*invalid\.json is not a valid htqlcl-inspection\/1 export: at inspection\.startedOn: [^\n]+\n$/u);
    expect(existsSync(out)).toBe(false);
  });

  it("--help prints the usage on stdout and exits 0", async () => {
    const r = await cli("--help");
    expect([r.code, r.err, r.out]).toEqual([0, "", "usage: npm run report -- <record|letter|team-report|plan|notice|province-report|ministry-report|results-csv|actions-csv|xlsx> <file>... --out <file> [--no-photos]\n"]);
  });
});
