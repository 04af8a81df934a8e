import type { PdfWriter } from "./PdfWriter";

export const DRAFT_MARK = "DỰ THẢO";

/**
 * A document not yet finalized says so on every page: "DỰ THẢO" in bold capitals in a ruled box, top left in the
 * top margin (page numbers sit in its centre), so no printed page of a draft passes for the signed document.
 * Call once, after the last page.
 */
export function addDraftMark(w: PdfWriter): void {
  const n = w.pageCount;
  for (let p = 1; p <= n; p++) {
    w.doc.setPage(p);
    w.font("bold", 14);
    const tw = w.width(DRAFT_MARK);
    const x = w.margin.left;
    const top = 6;
    w.doc.setLineWidth(0.6);
    w.doc.rect(x, top, tw + 6, 8.5);
    w.text(DRAFT_MARK, x + 3, top + 6.2);
    w.doc.setLineWidth(0.25);
  }
  w.doc.setPage(n);
}
