import { __createTable, autoTable } from "jspdf-autotable";
import type { UserOptions } from "jspdf-autotable";
import type { PdfWriter } from "./PdfWriter";

export interface TableColumn {
  header: string;
  /** Width in mm; omit for automatic. */
  width?: number;
  align?: "left" | "center" | "right" | "justify";
}
export interface TableSpec {
  columns: readonly TableColumn[];
  /** Rows of plain strings; a row whose first cell is `{ span: text }` is a full-width group heading. */
  rows: ReadonlyArray<ReadonlyArray<string> | { span: string }>;
  fontSize?: number;
  /** A bold caption drawn just above the table and kept on the same page as its first rows. */
  caption?: string;
}

/** A black-ruled table (jspdf-autotable) in the writer's font across the content width, continuing over pages. */
export function drawTable(w: PdfWriter, spec: TableSpec): void {
  const size = spec.fontSize ?? 11;
  const columnStyles: UserOptions["columnStyles"] = {};
  spec.columns.forEach((c, i) => {
    columnStyles[i] = { ...(c.width ? { cellWidth: c.width } : {}), halign: c.align ?? "left" };
  });
  w.font("normal", size);
  const body = spec.rows.map((r) =>
    "span" in r
      ? [{ content: w.drawable(r.span), colSpan: spec.columns.length, styles: { fontStyle: "bold" as const, halign: "left" as const } }]
      : r.map((c) => w.drawable(c)),
  );
  const head = [spec.columns.map((c) => w.drawable(c.header))];
  const options = (startY: number, rows: typeof body): UserOptions => ({
    startY,
    margin: { top: w.margin.top, right: w.margin.right, bottom: w.margin.bottom, left: w.margin.left },
    tableWidth: w.contentWidth,
    theme: "grid",
    head,
    body: rows,
    styles: { font: w.family, fontStyle: "normal", fontSize: size, textColor: 0, lineColor: 0, lineWidth: 0.2, cellPadding: 1.2, valign: "top", overflow: "linebreak" },
    headStyles: { font: w.family, fontStyle: "bold", fillColor: false, textColor: 0, halign: "center", valign: "middle" },
    bodyStyles: { fillColor: false },
    columnStyles,
    rowPageBreak: "avoid",
    showHead: "everyPage",
  });
  const spans = spec.rows.map((r) => "span" in r);
  w.font("bold", 13);
  const captionH = spec.caption ? w.wrap(spec.caption, w.contentWidth).length * w.lineHeight(13) + 1 : 0;
  let breaks = orphanBreaks(w, options(w.y + captionH, body), spans);
  if (breaks[0] === 0) {
    // Not even the caption, the first heading and its first row fit here: start the table on a new page.
    w.newPage();
    breaks = orphanBreaks(w, options(w.y + captionH, body), spans);
  }
  if (spec.caption) w.paragraph(spec.caption, { style: "bold", align: "left", after: 1 });
  let from = 0;
  for (const at of [...breaks.filter((b) => b > 0), body.length]) {
    if (from > 0) w.newPage();
    autoTable(w.doc, options(w.y, body.slice(from, at)));
    const last = (w.doc as unknown as { lastAutoTable?: { finalY?: number } }).lastAutoTable;
    w.y = last?.finalY ?? w.y;
    from = at;
  }
  w.y += 3;
}

/**
 * Where to start a new page so that no group heading row is left alone at the bottom of a page: autotable
 * has no keep-with-next, so the table is laid out once without drawing (its row heights), the page breaks
 * are followed as autotable makes them (rows kept whole), and the table is drawn in pieces split before
 * each heading that would be orphaned. The repeated column header makes the seam look like any page break.
 */
function orphanBreaks(w: PdfWriter, opts: UserOptions, spans: readonly boolean[]): number[] {
  const table = __createTable(w.doc, opts);
  const headH = table.getHeadHeight(table.columns);
  const heights = table.body.map((r) => r.height);
  const top = w.margin.top + headH;
  const usable = w.bottom - top;
  const breaks: number[] = [];
  let y = (opts.startY || w.margin.top) + headH;
  heights.forEach((h, i) => {
    if (y + h > w.bottom + 0.01) {
      // autotable moves the row to a new page, or splits it there when it is taller than a page; when that is
      // the first row, the caption and column header would stay behind alone, so the whole table moves.
      if (i === 0 && h <= usable) breaks.push(0);
      y = top + (h > usable ? h % usable : h);
      return;
    }
    const next = heights[i + 1];
    // A heading and the row after it must share a page; at the very start of the table that includes the caption.
    if (spans[i] && next !== undefined && next <= usable && y + h + next > w.bottom + 0.01 && (y > top + 0.01 || i === 0)) {
      breaks.push(i);
      y = top + h;
      return;
    }
    y += h;
  });
  return breaks;
}
