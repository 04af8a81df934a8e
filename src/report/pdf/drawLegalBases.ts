import { legalBasisLines } from "./legalBasisLines";
import type { PdfWriter } from "./PdfWriter";

/** The "Căn cứ …" lines in italics, justified with a first-line indent. */
export function drawLegalBases(w: PdfWriter, bases: readonly string[]): void {
  for (const line of legalBasisLines(bases)) w.paragraph(line, { style: "italic", indent: 10, after: 0.5 });
  w.gap(2);
}
