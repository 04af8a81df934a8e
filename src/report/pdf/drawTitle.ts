import type { PdfWriter } from "./PdfWriter";

/** The rule under the subject is 1/3 to 1/2 as long as its longest line (Decree 30/2020); 2/5 sits between. */
const SUBJECT_RULE = 0.4;

/**
 * The document's name in bold capitals, centred, with its subject (trích yếu) in bold under it and a short
 * centred rule below the subject ("BIÊN BẢN KIỂM TRA" / "Về việc …").
 */
export function drawTitle(w: PdfWriter, title: string, subject?: string): void {
  w.paragraph(title.toLocaleUpperCase("vi"), { size: 14, style: "bold", align: "center" });
  if (subject?.trim()) {
    const x = w.margin.left + 10;
    const width = w.contentWidth - 20;
    w.font("bold", 14);
    const longest = Math.max(...w.wrap(subject, width).map((l) => w.width(l)));
    w.paragraph(subject, { size: 14, style: "bold", align: "center", x, width });
    const rule = SUBJECT_RULE * longest;
    const cx = x + width / 2;
    w.doc.setLineWidth(0.3);
    w.doc.line(cx - rule / 2, w.y + 1.8, cx + rule / 2, w.y + 1.8);
    w.doc.setLineWidth(0.25);
    w.gap(3);
  }
  w.gap(4);
}
