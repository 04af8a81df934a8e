import { strFromU8, type Unzipped } from "fflate";
import { ChecklistImportError } from "./ChecklistImportError";
import { dateStylesOf } from "./dateStylesOf";
import { excelDateText } from "./excelDateText";
import type { RawCell, RawRow, RawTable } from "./RawTable";
import { xmlParser } from "./xmlParser";

type Node = Record<string, unknown>;

const parser = xmlParser({ preserveOrder: false, isArray: ["sheet", "Relationship", "si", "r", "row", "c", "mergeCell", "t", "numFmt", "xf"] });

/** The text of a `<t>` (string, or object when it has attributes such as xml:space). */
function tText(t: unknown): string {
  if (typeof t === "string") return t;
  if (t && typeof t === "object") {
    const v = (t as Node)["#text"];
    return typeof v === "string" ? v : v === undefined ? "" : String(v);
  }
  return "";
}

/** Plain or rich text (`<t>` or runs `<r><t>`), as in shared strings and inline strings. */
function richText(node: unknown): string {
  if (typeof node === "string") return node;
  if (!node || typeof node !== "object") return "";
  const n = node as Node;
  let out = ((n.t as unknown[]) ?? []).map(tText).join("");
  for (const run of (n.r as Node[]) ?? []) out += ((run.t as unknown[]) ?? []).map(tText).join("");
  return out;
}

function colIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

function parseRef(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) return { row: -1, col: -1 };
  return { row: Number(m[2]) - 1, col: colIndex(m[1]!) };
}

function read(files: Unzipped, path: string, file: string): Node {
  const bytes = files[path];
  if (!bytes) throw new ChecklistImportError({ file, message: `XLSX is missing ${path}`, messageVi: `tệp XLSX thiếu thành phần ${path}` });
  try {
    return parser.parse(strFromU8(bytes)) as Node;
  } catch {
    throw new ChecklistImportError({ file, message: `XLSX part ${path} is not valid XML (damaged file?)`, messageVi: `thành phần ${path} của tệp XLSX bị hỏng` });
  }
}

/** Every worksheet of an XLSX workbook as a table, in workbook order, merged ranges marked. */
export function readXlsx(files: Unzipped, file: string): RawTable[] {
  const workbook = read(files, "xl/workbook.xml", file);
  const rels = files["xl/_rels/workbook.xml.rels"] ? read(files, "xl/_rels/workbook.xml.rels", file) : {};
  const targets = new Map<string, string>();
  for (const rel of ((rels.Relationships as Node)?.Relationship as Node[]) ?? []) {
    const target = String(rel.Target ?? "");
    targets.set(String(rel.Id), target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const shared = files["xl/sharedStrings.xml"]
    ? (((read(files, "xl/sharedStrings.xml", file).sst as Node)?.si as unknown[]) ?? []).map(richText)
    : [];
  const dateStyles = files["xl/styles.xml"] ? dateStylesOf(read(files, "xl/styles.xml", file)) : new Map<number, "day" | "month">();
  const props = (workbook.workbook as Node)?.workbookPr as Node | undefined;
  const date1904 = props?.date1904 === "1" || props?.date1904 === "true";
  const sheets = ((workbook.workbook as Node)?.sheets as Node)?.sheet as Node[] | undefined;
  const tables: RawTable[] = [];
  (sheets ?? []).forEach((sheet, n) => {
    const path = targets.get(String(sheet.id ?? "")) ?? `xl/worksheets/sheet${n + 1}.xml`;
    const ws = read(files, path, file).worksheet as Node | undefined;
    const grid: RawCell[][] = [];
    for (const row of ((ws?.sheetData as Node)?.row as Node[]) ?? []) {
      let next = 0;
      const r = Number(row.r ?? grid.length + 1) - 1;
      for (const c of (row.c as Node[]) ?? []) {
        const pos = typeof c.r === "string" ? parseRef(c.r) : { row: r, col: next };
        next = pos.col + 1;
        const v = c.v === undefined ? "" : tText(c.v);
        let text: string;
        if (c.t === "s") text = shared[Number(v)] ?? "";
        else if (c.t === "inlineStr") text = richText(c.is);
        else if (c.t === "b") text = v === "1" ? "TRUE" : "FALSE";
        else {
          const dateKind = c.s === undefined ? undefined : dateStyles.get(Number(c.s));
          text = dateKind && v !== "" && Number.isFinite(Number(v)) ? excelDateText(Number(v), dateKind, date1904) : v;
        }
        if (text === "") continue;
        (grid[r] ??= [])[pos.col] = { text };
      }
    }
    // Merged ranges are clamped to the cells that hold text, so "A1:XFD1048576" cannot blow up memory.
    const lastRow = grid.length - 1;
    const lastCol = grid.reduce((max, cells) => Math.max(max, (cells?.length ?? 0) - 1), 0);
    for (const m of ((ws?.mergeCells as Node)?.mergeCell as Node[]) ?? []) {
      const [a, b] = String(m.ref ?? "").split(":");
      if (!a || !b) continue;
      const from = parseRef(a);
      const ref = parseRef(b);
      const to = { row: Math.min(ref.row, lastRow), col: Math.min(ref.col, lastCol) };
      if (from.row < 0 || from.col < 0) continue;
      const anchor = grid[from.row]?.[from.col]?.text ?? "";
      for (let r = from.row; r <= to.row; r++) {
        for (let c = from.col; c <= to.col; c++) {
          if (r === from.row && c === from.col) continue;
          (grid[r] ??= [])[c] = { text: anchor, merged: r === from.row ? "left" : "above" };
        }
      }
    }
    const rows: RawRow[] = [];
    for (let r = 0; r < grid.length; r++) {
      const cells = grid[r] ?? [];
      rows.push({ row: r + 1, cells: Array.from({ length: cells.length }, (_, c) => cells[c] ?? { text: "" }) });
    }
    tables.push({ rows, preamble: [], columnStyle: "letter", where: sheets && sheets.length > 1 ? `sheet "${String(sheet.name)}": ` : "" });
  });
  return tables;
}
