import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { xlsxFixture } from "./fixtures/xlsxFixture";
import { SEED_FILE, SEED_OPTIONS } from "./seedOptions";

const root = join(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "checklist-cli-"));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "src/checklists/cli.ts"), ...args], { cwd: root, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("npm run checklist -- import", () => {
  test("prints the checklist JSON on stdout: the seed gives the shipped file", () => {
    const r = cli("import", SEED_FILE, "--id", SEED_OPTIONS.id!, "--version", "1", "--title", SEED_OPTIONS.title!, "--source", SEED_OPTIONS.source!.document!);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(join(root, "checklists/phu-luc-i-2023@1.json"), "utf8")));
    expect(r.stderr).toContain("warning: row 16: row joined to row 14 above (cut by a page break)");
  });

  test("bad input: exit 1, one line naming the file (and row, column), no stack trace", async () => {
    const empty = join(work, "rong.csv");
    writeFileSync(empty, "");
    const cut = join(work, "cut.xlsx");
    writeFileSync(cut, (await xlsxFixture()).subarray(0, 3000));
    const bad = join(work, "sai.tsv");
    writeFileSync(bad, "TT\tNội dung\tNội dung thực hiện\nI\tÁp dụng\t\n#\tPhạm vi\tRà soát\n");
    const cases: [string[], string][] = [
      [["import", empty], `${empty}: the file is empty`],
      [["import", cut], `${cut}: the file is a damaged or truncated zip (XLSX/DOCX) archive`],
      [["import", bad], `${bad}: row 3, column 1: unrecognised label "#" in the TT column (expected I, II…, 1, 2… or a, b…)`],
      [["import", join(work, "none.txt")], `${join(work, "none.txt")}: cannot read the file (no such file)`],
      [["import", work], `${work}: cannot read the file (is a directory)`],
    ];
    for (const [args, line] of cases) {
      const r = cli(...args);
      expect(r.status, line).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(`${line}\n`);
    }
  });

  test("usage errors are one line too", () => {
    const r = cli("import", SEED_FILE, "--colour", "red");
    expect([r.status, r.stderr]).toEqual([1, "checklist: unknown option --colour\n"]);
    const u = cli();
    expect(u.status).toBe(2);
    expect(u.stderr.split("\n").filter(Boolean)).toHaveLength(1);
  });
});
