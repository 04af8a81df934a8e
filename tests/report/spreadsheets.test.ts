import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { toCsv } from "../../src/report/csv/toCsv";
import { writeXlsx } from "../../src/report/xlsx/writeXlsx";

describe("toCsv", () => {
  it("starts with a UTF-8 BOM, quotes, uses CRLF and composes decomposed text", () => {
    const csv = toCsv([
      ["Mã", "Ghi chú"],
      ["I.1", 'Có "dấu ngoặc", và\nxuống dòng'],
      ["I.2", "Tie\u0302\u0301ng Vie\u0323\u0302t"],
      [3, null],
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('Mã,Ghi chú\r\nI.1,"Có ""dấu ngoặc"", và\nxuống dòng"\r\nI.2,Tiếng Việt\r\n3,\r\n');
  });

  it("neutralises cells that start like a formula, but not numbers", () => {
    const csv = toCsv([["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tx", "a=b", -5]]);
    expect(csv.slice(1)).toBe("\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-2,'@SUM(A1),'\tx,a=b,-5\r\n");
  });

  it("neutralises a formula behind leading spaces, tabs, line breaks or full-width signs, in every column", () => {
    const sneaky = ["  =1+1", "\t=cmd|' /C calc'!A0", "\n+1", "\u00a0@SUM(A1)", " -2", "\uFF1D1+1", "\r=x"];
    const csv = toCsv([sneaky, ["ok", "a = b", " x", "", "1-2", "e@mail", "Đạt"]]);
    const [bad, good] = csv.slice(1).split("\r\n");
    // Every cell of the first row now starts with the apostrophe (inside quotes where the cell needed them).
    const cells = bad!.match(/("(?:[^"]|"")*"|[^,]*)(,|$)/gu)!.map((c) => c.replace(/,$/u, "").replace(/^"|"$/gu, "")).slice(0, sneaky.length);
    expect(cells.map((c) => c.startsWith("'"))).toEqual(sneaky.map(() => true));
    expect(good).toBe("ok,a = b, x,,1-2,e@mail,Đạt");
  });
});

describe("writeXlsx", () => {
  it("writes a workbook Excel readers open, with text, numbers, sheets and quote-prefixed formulas", async () => {
    const bytes = writeXlsx([
      { name: "Kết quả", rows: [["Mã", "Kết quả", "Số"], ["I.1", "Đạt", 1], ["I.2", "=1+1", 2], ["I.3", "A & <b>", null]], widths: [8, 20, 6] },
      { name: "Hành động: khắc phục?", rows: [["Mô tả"], ["Cu\u0309a"]] },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Kết quả", "Hành động  khắc phục"]);
    const s1 = wb.worksheets[0]!;
    expect(s1.getCell("A1").value).toBe("Mã");
    expect(s1.getCell("B2").value).toBe("Đạt");
    expect(s1.getCell("C2").value).toBe(1);
    // Stored as text, not as a formula.
    expect(s1.getCell("B3").value).toBe("=1+1");
    expect(s1.getCell("B3").formula).toBeUndefined();
    expect(s1.getCell("B4").value).toBe("A & <b>");
    // Whitespace before the sign does not get past the guard.
    const zip = unzipSync(writeXlsx([{ name: "a", rows: [["h"], ["  =1+1"], ["\t@x"], ["a=b"], [" -1"]] }]));
    const styles = strFromU8(zip["xl/styles.xml"]!);
    const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/u.exec(styles)?.[1] ?? "";
    const quoted = [...cellXfs.matchAll(/<xf [^>]*>/gu)].map((m, i) => (m[0].includes('quotePrefix="1"') ? i : -1)).filter((i) => i >= 0);
    const styleOf = (ref: string) => Number(new RegExp(`<c r="${ref}"[^>]* s="(\\d+)"`, "u").exec(strFromU8(zip["xl/worksheets/sheet1.xml"]!))?.[1]);
    expect(["A2", "A3", "A4", "A5"].map((r) => quoted.includes(styleOf(r)))).toEqual([true, true, false, true]);
    expect(s1.getCell("A1").font?.bold).toBe(true);
    expect(wb.worksheets[1]!.getCell("A2").value).toBe("Của");
    // Same input, same bytes.
    expect(writeXlsx([{ name: "a", rows: [["x"]] }])).toEqual(writeXlsx([{ name: "a", rows: [["x"]] }]));
  });
});

describe("results and corrective-action exports", () => {
  it("have one row per scored criterion and per action, formula-safe, in CSV and XLSX", async () => {
    const { sampleExport } = await import("./fixtures/sampleExport");
    const { resultsCsv } = await import("../../src/report/resultsCsv");
    const { actionsCsv } = await import("../../src/report/actionsCsv");
    const { inspectionsXlsx } = await import("../../src/report/inspectionsXlsx");
    const exp = sampleExport({ criteria: 10 });
    exp.results[1]!.note = '=HYPERLINK("http://evil","bấm")';
    exp.actions[0]!.owner = "@SUM(1)";
    const results = resultsCsv([exp]);
    const lines = results.slice(1).split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(1 + 10);
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://evil"",""bấm"")"`);
    const actions = actionsCsv([exp]).slice(1).split("\r\n").filter(Boolean);
    expect(actions).toHaveLength(1 + exp.actions.length);
    expect(actions[1]).toContain("'@SUM(1)");
    expect(actions[1]).toContain("Chưa báo cáo khắc phục");
    // Every action has its due date, the record's deadline when it has none of its own (as the PDF prints it).
    expect(exp.actions.some((a) => a.dueOn === null)).toBe(true);
    expect(actions.slice(1).map((l) => /,(\d\d\/\d\d?\/\d{4}),Chưa báo cáo/u.exec(l)?.[1])).toEqual(exp.actions.map(() => "05/4/2026"));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(inspectionsXlsx([exp])) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Kết quả", "Hành động khắc phục"]);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(11);
    expect(sheet.getCell("I3").value).toBe('=HYPERLINK("http://evil","bấm")');
    expect(sheet.getCell("I3").formula).toBeUndefined();
    expect(sheet.getCell("E2").value).toBe("I.1.1");
    expect(wb.worksheets[1]!.getCell("F2").value).toBe("@SUM(1)");
  });
});
