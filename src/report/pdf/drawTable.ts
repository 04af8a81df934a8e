import { autoTable } from "jspdf-autotable";
import type { UserOptions } from "jspdf-autotable";
import { nfc } from "./nfc";
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
}

/** A black-ruled table (jspdf-autotable) in the writer's font across the content width, continuing over pages. */
export function drawTable(w: PdfWriter, spec: TableSpec): void {
  const size = spec.fontSize ?? 11;
  const columnStyles: UserOptions["columnStyles"] = {};
  spec.columns.forEach((c, i) => {
    columnStyles[i] = { ...(c.width ? { cellWidth: c.width } : {}), halign: c.align ?? "left" };
  });
  const body = spec.rows.map((r) =>
    "span" in r
      ? [{ content: nfc(r.span), colSpan: spec.columns.length, styles: { fontStyle: "bold" as const, halign: "left" as const } }]
      : r.map((c) => nfc(c)),
  );
  autoTable(w.doc, {
    startY: w.y,
    margin: { top: w.margin.top, right: w.margin.right, bottom: w.margin.bottom, left: w.margin.left },
    tableWidth: w.contentWidth,
    theme: "grid",
    head: [spec.columns.map((c) => nfc(c.header))],
    body,
    styles: { font: w.family, fontStyle: "normal", fontSize: size, textColor: 0, lineColor: 0, lineWidth: 0.2, cellPadding: 1.2, valign: "top", overflow: "linebreak" },
    headStyles: { font: w.family, fontStyle: "bold", fillColor: false, textColor: 0, halign: "center", valign: "middle" },
    bodyStyles: { fillColor: false },
    columnStyles,
    rowPageBreak: "avoid",
    showHead: "everyPage",
  });
  const last = (w.doc as unknown as { lastAutoTable?: { finalY?: number } }).lastAutoTable;
  w.y = (last?.finalY ?? w.y) + 3;
}
