/** The importer's row rules (src/checklists/matrixRowsOf.ts): page-break continuations, repeated headers, merges. */
import { describe, expect, it } from "vitest";
import type { MatrixHeader } from "../../src/checklists/findHeader";
import type { ImportWarning } from "../../src/checklists/ImportWarning";
import { matrixRowsOf, type MatrixRow } from "../../src/checklists/matrixRowsOf";
import type { RawCell, RawTable } from "../../src/checklists/RawTable";

/** Columns: 0 label (TT), 1 item (Nội dung), 2 activities (Nội dung thực hiện), 3 evidence (Kết quả). */
const HEADER: MatrixHeader = { index: 0, bodyStart: 1, columns: { label: 0, item: 1, activities: 2, evidence: 3 }, ignored: [] };
const HEAD_ROW = ["TT", "Nội dung", "Nội dung thực hiện", "Kết quả"];

type CellSpec = string | RawCell;
function table(rows: CellSpec[][]): RawTable {
  return {
    rows: [HEAD_ROW, ...rows].map((cells, i) => ({ row: i + 1, cells: cells.map((c) => (typeof c === "string" ? { text: c } : c)) })),
    preamble: [],
    columnStyle: "number",
  };
}
function rowsOf(rows: CellSpec[][], header: MatrixHeader = HEADER) {
  const warnings: ImportWarning[] = [];
  const out = matrixRowsOf(table(rows), header, warnings);
  return { out, warnings: warnings.map((w) => w.message), texts: out.map(textsOf) };
}
/** A row's own texts by role (cells merged from above shown as "^text"). */
function textsOf(r: MatrixRow): Record<string, string> {
  return Object.fromEntries(Object.entries(r.cells).map(([role, c]) => [role, c.above ? `^${c.text}` : c.text]));
}

const FIRST = ["1", "Chính sách chất lượng", "Ban hành chính sách", "Quyết định"];
const BLANK = ["", "", "", ""];

describe("page-break continuations", () => {
  it.each([
    { why: "lower case after a blank row continues the row above", start: "và công bố", joined: true },
    { why: "Vietnamese lower case (đ) after a blank row continues it", start: "đến toàn thể công chức", joined: true },
    { why: "upper case after a blank row starts a row of its own", start: "Và công bố", joined: false },
    { why: "Vietnamese upper case (Đ) after a blank row starts a row of its own", start: "Đến toàn thể", joined: false },
    { why: "a digit after a blank row starts a row of its own", start: "2 lần", joined: false },
  ])("$why", ({ start, joined }) => {
    const r = rowsOf([FIRST, BLANK, ["", "", start, ""]]);
    if (joined) {
      expect(r.texts).toEqual([{ label: "1", item: "Chính sách chất lượng", activities: `Ban hành chính sách ${start}`, evidence: "Quyết định" }]);
      expect(r.warnings).toEqual(["row joined to row 2 above (cut by a page break)"]);
    } else {
      expect(r.texts).toHaveLength(2);
      expect(r.texts[1]).toEqual({ label: "", item: "", activities: start, evidence: "" });
      expect(r.warnings).toEqual([]);
    }
  });

  it("lower case with no blank row before is a row of its own", () => {
    const r = rowsOf([FIRST, ["", "", "và công bố", ""]]);
    expect(r.texts).toHaveLength(2);
    expect(r.warnings).toEqual([]);
  });

  it("a labelled row after a blank row is never a continuation, whatever its case", () => {
    const r = rowsOf([FIRST, BLANK, ["2", "", "và công bố", ""]]);
    expect(r.texts.map((t) => t.label)).toEqual(["1", "2"]);
  });

  it("a row whose label is merged from above belongs to that item: a row of its own, not a join", () => {
    const r = rowsOf([FIRST, BLANK, [{ text: "1", merged: "above" }, "", "và công bố", ""]]);
    expect(r.texts).toHaveLength(2);
    expect(r.texts[1]).toMatchObject({ label: "^1", activities: "và công bố" });
  });

  it("a blank row made only of merged cells is no page break", () => {
    const merged: CellSpec[] = [{ text: "1", merged: "above" }, { text: "x", merged: "above" }, { text: "", merged: "above" }, { text: "", merged: "above" }];
    const r = rowsOf([FIRST, merged, ["", "", "và công bố", ""]]);
    expect(r.texts).toHaveLength(2);
  });

  it("the page break is forgotten after the next row", () => {
    const r = rowsOf([FIRST, BLANK, ["2", "Mục tiêu", "Xây dựng", "Kế hoạch"], ["", "", "và công bố", ""]]);
    expect(r.texts).toHaveLength(3);
  });

  it("a row with only more of an item's title continues the row above, page break or not", () => {
    const r = rowsOf([FIRST, ["", "của cơ quan", "", ""]]);
    expect(r.texts).toEqual([{ label: "1", item: "Chính sách chất lượng của cơ quan", activities: "Ban hành chính sách", evidence: "Quyết định" }]);
  });

  it("without a 'Nội dung thực hiện' column a title-only row is a criterion", () => {
    const header: MatrixHeader = { ...HEADER, columns: { label: 0, item: 1, evidence: 3 } };
    const r = rowsOf([FIRST, ["", "Mục tiêu chất lượng", "", ""]], header);
    expect(r.texts.map((t) => t.item)).toEqual(["Chính sách chất lượng", "Mục tiêu chất lượng"]);
  });

  it("a continued list goes on as a new entry; a continued sentence on the same line", () => {
    const list = rowsOf([["1", "Hồ sơ", "Lập hồ sơ", "- Quyết định"], BLANK, ["", "", "", "- Kế hoạch"]]);
    expect(list.texts).toHaveLength(2); // "-" is no lower-case letter: a row of its own
    const joined = rowsOf([["1", "Hồ sơ", "Lập hồ sơ", "- Quyết định"], BLANK, ["", "", "lưu trữ", "- Kế hoạch"]]);
    expect(joined.texts).toEqual([{ label: "1", item: "Hồ sơ", activities: "Lập hồ sơ lưu trữ", evidence: "- Quyết định\n- Kế hoạch" }]);
    const bullets = rowsOf([["1", "Hồ sơ", "Lập hồ sơ", "• Quyết định"], BLANK, ["", "", "lưu", "+ Kế hoạch"]]);
    expect(bullets.texts[0]!.evidence).toBe("• Quyết định\n+ Kế hoạch");
  });

  it("a continuation fills cells the row above left empty", () => {
    const r = rowsOf([["1", "Hồ sơ", "Lập hồ sơ", ""], BLANK, ["", "", "và lưu", "sổ theo dõi"]]);
    expect(r.texts).toEqual([{ label: "1", item: "Hồ sơ", activities: "Lập hồ sơ và lưu", evidence: "sổ theo dõi" }]);
  });

  it("the first row of the body is never a continuation", () => {
    const r = rowsOf([BLANK, ["", "", "và công bố", ""]]);
    expect(r.texts).toEqual([{ label: "", item: "", activities: "và công bố", evidence: "" }]);
  });
});

describe("rows that are not criteria", () => {
  it("a header repeated at the top of a page is skipped, and so is a column-number row", () => {
    const r = rowsOf([FIRST, HEAD_ROW, ["(1)", "(2)", "(3)", "(4)"], ["2", "Mục tiêu", "Xây dựng", "Kế hoạch"]]);
    expect(r.texts.map((t) => t.label)).toEqual(["1", "2"]);
    expect(r.warnings).toEqual(["repeated header row skipped", "repeated header row skipped"]);
  });

  it("a repeated header ends a page break: the next lower-case row is no continuation", () => {
    const r = rowsOf([FIRST, BLANK, HEAD_ROW, ["", "", "và công bố", ""]]);
    expect(r.texts).toHaveLength(2);
  });

  it("a section heading in a merged row is kept as such", () => {
    const merged = (t: string): CellSpec[] => [t, { text: t, merged: "left" }, { text: t, merged: "left" }, { text: t, merged: "left" }];
    const r = rowsOf([merged("II. MỤC TIÊU CHẤT LƯỢNG"), ["1", "Mục tiêu", "Xây dựng", "Kế hoạch"]]);
    expect(r.out[0]!.mergedSection).toEqual({ code: "II", title: "MỤC TIÊU CHẤT LƯỢNG" });
    expect(r.out[1]!.mergedSection).toBeUndefined();
  });

  it("an item's title merged across 'Nội dung thực hiện' is its activity as well", () => {
    const r = rowsOf([["1", "Công bố chính sách", { text: "Công bố chính sách", merged: "left" }, "Quyết định"]]);
    expect(r.texts).toEqual([{ label: "1", item: "Công bố chính sách", activities: "Công bố chính sách", evidence: "Quyết định" }]);
  });
});
