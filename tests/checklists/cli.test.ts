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
    const pdf = join(work, "ke-hoach.pdf");
    writeFileSync(pdf, "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
    const headerOnly = join(work, "chi-tieu-de.csv");
    writeFileSync(headerOnly, "\uFEFFTT,Nội dung,Nội dung thực hiện,Kết quả đạt được\r\n");
    const noTt = join(work, "thieu-cot.csv");
    writeFileSync(noTt, "Nội dung,Nội dung thực hiện,Kết quả đạt được\nÁp dụng,Rà soát,Quyết định\n");
    const noTable = join(work, "khong-bang.docx");
    const { Document, Packer, Paragraph } = await import("docx");
    writeFileSync(noTable, await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("Kế hoạch kiểm tra năm 2024")] }] })));
    const cases: [string[], string][] = [
      [["import", empty], `${empty}: the file is empty`],
      [["import", cut], `${cut}: the file is a damaged or truncated zip (XLSX/DOCX) archive`],
      [["import", bad], `${bad}: row 3, column 1: unrecognised label "#" in the TT column (expected I, II…, 1, 2… or a, b…)`],
      [["import", join(work, "none.txt")], `${join(work, "none.txt")}: cannot read the file (no such file)`],
      [["import", work], `${work}: cannot read the file (is a directory)`],
      [["import", pdf], `${pdf}: PDF is not supported; use the Word, Excel or text version of the matrix`],
      [["import", headerOnly], `${headerOnly}: row 1: the table has a header but no section or item rows under it`],
      [["import", noTt], `${noTt}: row 1: the header row has no TT column (TT / STT)`],
      [["import", noTable], `${noTable}: the document has no table: the matrix must be a table in the Word document`],
    ];
    for (const [args, line] of cases) {
      const r = cli(...args);
      expect(r.status, line).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(`${line}\n`);
    }
  });

  test("an XLSX with an empty first sheet and the matrix on the second is imported from the second", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    const ws = wb.addWorksheet("PL I");
    ws.addRows([["PHỤ LỤC I"], ["TT", "Nội dung", "Nội dung thực hiện"], ["I. Áp dụng HTQLCL"], [1, "Phạm vi", "Rà soát"]]);
    ws.mergeCells("A1:C1");
    ws.mergeCells("A3:C3");
    const file = join(work, "hai-trang.xlsx");
    writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
    const r = cli("import", file, "--id", "hai-trang", "--version", "2");
    expect([r.status, r.stderr]).toEqual([0, ""]);
    expect(JSON.parse(r.stdout)).toEqual({
      format: "htqlcl-checklist/1",
      id: "hai-trang",
      version: "2",
      title: "PHỤ LỤC I",
      source: { document: "hai-trang.xlsx" },
      sections: [
        { code: "I", title: "Áp dụng HTQLCL", scored: true, items: [{ code: "I.1", title: "Phạm vi", criteria: [{ code: "I.1.1", activities: ["Rà soát"], evidence: [] }] }] },
      ],
    });
  });

  test("usage errors are one line too", () => {
    const r = cli("import", SEED_FILE, "--colour", "red");
    expect([r.status, r.stderr]).toEqual([1, "checklist: unknown option --colour\n"]);
    expect(cli("import", SEED_FILE, "other.csv").stderr).toBe("checklist: unexpected argument other.csv (one file at a time)\n");
    expect(cli("import", SEED_FILE, "--id").stderr).toBe("checklist: option --id needs a value\n");
    const u = cli();
    expect(u.status).toBe(2);
    expect(u.stderr.split("\n").filter(Boolean)).toHaveLength(1);
  });
});
