import type { PdfWriter } from "./PdfWriter";

/** The document's name in bold capitals, centred, with its subject in bold under it ("BIÊN BẢN KIỂM TRA" / "Về việc …"). */
export function drawTitle(w: PdfWriter, title: string, subject?: string): void {
  w.paragraph(title.toLocaleUpperCase("vi"), { size: 14, style: "bold", align: "center" });
  if (subject?.trim()) w.paragraph(subject, { size: 14, style: "bold", align: "center", x: w.margin.left + 10, width: w.contentWidth - 20 });
  w.gap(4);
}
