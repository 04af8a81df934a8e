import { strFromU8, type Unzipped } from "fflate";
import { ChecklistImportError } from "./ChecklistImportError";
import { docxNumbering } from "./docxNumbering";
import type { RawCell, RawRow, RawTable } from "./RawTable";
import { xmlParser } from "./xmlParser";

/** A node of fast-xml-parser's ordered output: `{ tag: children, ":@": attributes }` or `{ "#text": … }`. */
type ONode = Record<string, unknown>;

const parser = xmlParser({ preserveOrder: true });
// Content that is not the visible text of the document body.
const SKIP = new Set(["delText", "instrText", "del", "drawing", "pict", "AlternateContent", "object", "fldData", "rPr", "pPr", "tcPr", "trPr", "tblPr", "tblGrid", "sectPr", "bookmarkStart", "bookmarkEnd", "proofErr", "commentRangeStart", "commentRangeEnd", "footnoteReference", "endnoteReference"]);

function tagOf(node: ONode): string {
  for (const k of Object.keys(node)) if (k !== ":@") return k;
  return "";
}
function children(node: ONode): ONode[] {
  const v = node[tagOf(node)];
  return Array.isArray(v) ? (v as ONode[]) : [];
}
function attr(node: ONode, name: string): string | undefined {
  const a = node[":@"] as Record<string, unknown> | undefined;
  const v = a?.[name];
  return v === undefined ? undefined : String(v);
}
function child(node: ONode, tag: string): ONode | undefined {
  return children(node).find((c) => tagOf(c) === tag);
}

type Numbering = (numId: string, ilvl: number) => string;

/** Visible text of a paragraph: its automatic number if any, runs in order, tabs as spaces, line breaks kept. */
function paragraphText(p: ONode, numbering: Numbering): string {
  let out = "";
  const numPr = child(child(p, "pPr") ?? {}, "numPr");
  if (numPr) {
    const numId = attr(child(numPr, "numId") ?? {}, "val");
    const label = numId && numId !== "0" ? numbering(numId, Number(attr(child(numPr, "ilvl") ?? {}, "val") ?? 0)) : "";
    if (label) out = `${label} `;
  }
  const walk = (nodes: ONode[], inText: boolean): void => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === "#text") {
        if (inText) out += String(n["#text"]);
      } else if (tag === "t") walk(children(n), true);
      else if (tag === "tab" || tag === "ptab") out += " ";
      else if (tag === "br" || tag === "cr") out += "\n";
      else if (tag === "noBreakHyphen") out += "-";
      else if (!SKIP.has(tag)) walk(children(n), false);
    }
  };
  walk(children(p), false);
  return out;
}

/** Paragraphs and tables of a container (body, cell, content control) in document order. */
function blocks(nodes: ONode[], onParagraph: (p: ONode) => void, onTable: (t: ONode) => void): void {
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === "p") onParagraph(n);
    else if (tag === "tbl") onTable(n);
    else if (tag === "sdt") blocks(children(child(n, "sdtContent") ?? {}), onParagraph, onTable);
    else if (tag === "customXml" || tag === "ins") blocks(children(n), onParagraph, onTable);
  }
}

function cellText(tc: ONode, numbering: Numbering): string {
  const lines: string[] = [];
  blocks(children(tc), (p) => lines.push(paragraphText(p, numbering)), (t) => tableRows(t, numbering).forEach((r) => lines.push(r.cells.map((c) => c.text).join(" "))));
  return lines.join("\n");
}

function tableRows(tbl: ONode, numbering: Numbering): RawRow[] {
  const rows: RawRow[] = [];
  const grid: RawCell[][] = [];
  let n = 0;
  for (const tr of children(tbl)) {
    if (tagOf(tr) !== "tr") continue;
    const r = n++;
    const cells: RawCell[] = [];
    const trPr = child(tr, "trPr");
    let col = Number(attr(child(trPr ?? {}, "gridBefore") ?? {}, "val") ?? 0);
    for (let c = 0; c < col; c++) cells[c] = { text: "" };
    for (const tc of children(tr)) {
      if (tagOf(tc) !== "tc") continue;
      const tcPr = child(tc, "tcPr");
      const span = Math.max(1, Number(attr(child(tcPr ?? {}, "gridSpan") ?? {}, "val") ?? 1));
      const vMerge = child(tcPr ?? {}, "vMerge");
      const continues = vMerge !== undefined && attr(vMerge, "val") !== "restart";
      let cell: RawCell;
      if (continues) {
        // The anchor is the nearest cell above in this grid column that is not itself a continuation.
        let anchor = "";
        for (let k = r - 1; k >= 0; k--) {
          const above = grid[k]?.[col];
          if (above && above.merged !== "above") {
            anchor = above.text;
            break;
          }
        }
        cell = { text: anchor, merged: "above" };
      } else {
        cell = { text: cellText(tc, numbering) };
      }
      cells[col] = cell;
      for (let s = 1; s < span; s++) cells[col + s] = { text: cell.text, merged: cell.merged ?? "left" };
      col += span;
    }
    grid[r] = cells;
    rows.push({ row: r + 1, cells: Array.from({ length: cells.length }, (_, c) => cells[c] ?? { text: "" }) });
  }
  return rows;
}

/**
 * Every top-level table of a DOCX document (national-motto header tables included), each with the paragraphs
 * just before it as its preamble. Vertically merged cells (vMerge) and spans (gridSpan) are marked; the
 * paragraphs of a cell are its lines.
 */
export function readDocx(files: Unzipped, file: string): RawTable[] {
  const bytes = files["word/document.xml"];
  if (!bytes) throw new ChecklistImportError({ file, message: "DOCX is missing word/document.xml", messageVi: "tệp DOCX thiếu thành phần word/document.xml" });
  let doc: ONode[];
  try {
    doc = parser.parse(strFromU8(bytes)) as ONode[];
  } catch {
    throw new ChecklistImportError({ file, message: "DOCX part word/document.xml is not valid XML (damaged file?)", messageVi: "thành phần word/document.xml của tệp DOCX bị hỏng" });
  }
  const document = doc.find((n) => tagOf(n) === "document");
  const body = document ? child(document, "body") : undefined;
  const numbering = docxNumbering(files);
  const tables: RawTable[] = [];
  let paragraphs: string[] = [];
  blocks(
    children(body ?? {}),
    (p) => {
      const text = paragraphText(p, numbering).trim();
      if (text !== "") paragraphs.push(text);
    },
    (t) => {
      tables.push({ rows: tableRows(t, numbering), preamble: paragraphs.slice(-3), columnStyle: "number", where: `table ${tables.length + 1}: ` });
      paragraphs = [];
    },
  );
  return tables;
}
