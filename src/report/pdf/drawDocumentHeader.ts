import type { PdfWriter } from "./PdfWriter";

export interface DocumentHeader {
  /** Parent body in capitals, e.g. "UBND TỈNH THANH HÓA" (may be empty). */
  parentBody: string;
  /** Issuing body, drawn in bold capitals, e.g. "SỞ KHOA HỌC VÀ CÔNG NGHỆ" or "ĐOÀN KIỂM TRA". */
  issuingBody: string;
  /** "Số: 12/BB-ĐKT" (see formatDocNumber). */
  numberLine: string;
  /** "Thanh Hóa, ngày 05 tháng 02 năm 2026" (see formatPlaceDate). */
  placeDate: string;
  /** Optional summary under the number for letters (công văn): "V/v …". */
  summary?: string;
}

export const NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc";

/** Share of the content width taken by the agency block on the left; the national title takes the rest. */
const LEFT_SHARE = 0.44;

/**
 * The top of a Decree 30/2020 document: agency block top left (parent body, issuing body in bold with a short
 * rule), national title and motto top right (motto underlined as long as its text), then the number under the
 * agency block and the place and date, in italics, under the motto. Leaves the cursor below both columns.
 */
export function drawDocumentHeader(w: PdfWriter, h: DocumentHeader): void {
  const top = w.y;
  const leftW = w.contentWidth * LEFT_SHARE;
  const rightX = w.margin.left + leftW;
  const rightW = w.contentWidth - leftW;
  const leftC = w.margin.left + leftW / 2;
  const rightC = rightX + rightW / 2;

  // Left column.
  let y = top;
  const lines: Array<{ text: string; bold: boolean }> = [];
  w.font("normal", 13);
  for (const l of w.wrap(h.parentBody.toLocaleUpperCase("vi"), leftW - 2)) lines.push({ text: l, bold: false });
  w.font("bold", 13);
  for (const l of w.wrap(h.issuingBody.toLocaleUpperCase("vi"), leftW - 2)) lines.push({ text: l, bold: true });
  const lh = w.lineHeight(13);
  for (const l of lines) {
    w.font(l.bold ? "bold" : "normal", 13);
    w.text(l.text, leftC, y + 4.5, "center");
    y += lh;
  }
  const rule = leftW / 3;
  w.doc.setLineWidth(0.3);
  w.doc.line(leftC - rule / 2, y + 1.4, leftC + rule / 2, y + 1.4);
  y += 2.5;
  w.font("normal", 13);
  w.text(h.numberLine, leftC, y + 4.5, "center");
  y += lh;
  if (h.summary) {
    w.font("normal", 12);
    for (const l of w.wrap(h.summary, leftW - 4)) {
      w.text(l, leftC, y + 4.2, "center");
      y += w.lineHeight(12);
    }
  }

  // Right column.
  let ry = top;
  w.font("bold", 12);
  w.text(NATIONAL_TITLE, rightC, ry + 4.2, "center");
  ry += w.lineHeight(13);
  w.font("bold", 13);
  w.text(NATIONAL_MOTTO, rightC, ry + 4.5, "center");
  const mw = w.width(NATIONAL_MOTTO);
  ry += lh;
  w.doc.setLineWidth(0.3);
  w.doc.line(rightC - mw / 2, ry + 1.4, rightC + mw / 2, ry + 1.4);
  ry += 2.5;
  w.font("italic", 13);
  for (const l of w.wrap(h.placeDate, rightW)) {
    w.text(l, rightC, ry + 4.5, "center");
    ry += lh;
  }
  w.doc.setLineWidth(0.25);
  w.y = Math.max(y, ry) + 6;
}
