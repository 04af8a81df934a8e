import type { PdfWriter } from "./PdfWriter";

/** Page numbers centred in the top margin from page 2 on (Decree 30/2020); call once, after the last page. */
export function addPageNumbers(w: PdfWriter, size = 13): void {
  const n = w.pageCount;
  for (let p = 2; p <= n; p++) {
    w.doc.setPage(p);
    w.font("normal", size);
    w.text(String(p), w.pageWidth / 2, w.margin.top / 2 + 2, "center");
  }
  w.doc.setPage(n);
}
