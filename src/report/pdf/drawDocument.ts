import { addDraftMark } from "./addDraftMark";
import { addPageNumbers } from "./addPageNumbers";
import { drawClosing } from "./drawClosing";
import { drawDocumentHeader } from "./drawDocumentHeader";
import { drawDottedLines } from "./drawDottedLines";
import { drawLegalBases } from "./drawLegalBases";
import { drawTable } from "./drawTable";
import { drawTitle } from "./drawTitle";
import type { DocumentModel } from "./DocumentModel";
import type { PdfWriter } from "./PdfWriter";

const INDENT = 10;

/** Draws a generic document model: header, title, addressees, legal bases, blocks, closing, page numbers. */
export function drawDocument(w: PdfWriter, m: DocumentModel): void {
  drawDocumentHeader(w, m.header);
  if (m.title) drawTitle(w, m.title, m.subject);
  if (m.addressees?.length) {
    const [first, ...rest] = m.addressees;
    w.paragraph(rest.length ? `Kính gửi:` : `Kính gửi: ${first}`, { align: "center", after: rest.length ? 0 : 3 });
    if (rest.length) for (const a of m.addressees) w.paragraph(`- ${a};`, { x: w.margin.left + 40, width: w.contentWidth - 40, align: "left" });
    if (rest.length) w.gap(3);
  }
  if (m.legalBases?.length) drawLegalBases(w, m.legalBases);
  m.blocks.forEach((b, i) => {
    if (b.kind === "heading") {
      w.gap(2);
      // A heading stays with what follows it: its own line and two of a paragraph, or a table's header and first row.
      w.ensure(w.lineHeight(13) * 3 + (m.blocks[i + 1]?.kind === "table" ? 18 : 0));
      w.paragraph(b.text, { style: "bold", align: "left", after: 1 });
    } else if (b.kind === "paragraph") {
      w.paragraph(b.text, { style: b.style ?? "normal", indent: b.indent === false ? 0 : INDENT, align: b.align ?? "justify" });
    } else if (b.kind === "table") {
      drawTable(w, b.table);
    } else if (b.kind === "dotted") drawDottedLines(w, b.lines);
    else w.gap(b.mm);
  });
  w.gap(4);
  drawClosing(w, m.closing);
  addPageNumbers(w);
  if (m.draft) addDraftMark(w);
}
