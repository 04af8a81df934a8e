import type { PdfWriter } from "./PdfWriter";

/** `count` lines of dots across the content width, left for the hand to fill in (a field nobody typed). */
export function drawDottedLines(w: PdfWriter, count: number, size = 13): void {
  w.font("normal", size);
  const dot = w.width(".");
  const line = ".".repeat(Math.floor(w.contentWidth / dot));
  for (let i = 0; i < count; i++) w.paragraph(line, { size, align: "left" });
}
