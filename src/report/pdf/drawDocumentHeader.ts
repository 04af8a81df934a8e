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

/** Clear space between the agency block and the national title, in mm. */
const GUTTER = 5;
/** The rule under the issuing body is 1/3 to 1/2 as long as its line (Decree 30/2020); 2/5 sits between. */
const AGENCY_RULE = 0.4;

/**
 * The top of a Decree 30/2020 document: agency block top left (parent body, issuing body in bold with a short
 * rule), national title and motto top right (motto underlined as long as its text), then the number under the
 * agency block and the place and date, in italics, under the motto. Leaves the cursor below both columns.
 */
export function drawDocumentHeader(w: PdfWriter, h: DocumentHeader): void {
  const top = w.y;
  // The national title column is as wide as the title and sits against the right margin, so the agency block
  // gets all the rest: "SỞ KHOA HỌC VÀ CÔNG NGHỆ" then fits on one line in 13 pt with a clear gutter.
  w.font("bold", 12);
  const rightW = w.width(NATIONAL_TITLE) + 1;
  const rightX = w.margin.left + w.contentWidth - rightW;
  const leftW = w.contentWidth - rightW - GUTTER;
  const leftC = w.margin.left + leftW / 2;
  const rightC = rightX + rightW / 2;

  // Left column: 13 pt, or 12 pt (Decree 30 allows 12–13) when a name would otherwise need a second line.
  const parent = h.parentBody.toLocaleUpperCase("vi").trim();
  const issuing = h.issuingBody.toLocaleUpperCase("vi").trim();
  const fits = (size: number) =>
    w.font("normal", size).width(parent) <= leftW && w.font("bold", size).width(issuing) <= leftW;
  const size = fits(13) ? 13 : 12;
  const lh = w.lineHeight(size);
  const lines: Array<{ text: string; bold: boolean }> = [];
  w.font("normal", size);
  for (const l of w.wrap(parent, leftW)) lines.push({ text: l, bold: false });
  w.font("bold", size);
  const issuingLines = w.wrap(issuing, leftW);
  for (const l of issuingLines) lines.push({ text: l, bold: true });
  let y = top;
  for (const l of lines) {
    w.font(l.bold ? "bold" : "normal", size);
    w.text(l.text, leftC, y + size * 0.346, "center");
    y += lh;
  }
  w.font("bold", size);
  const rule = AGENCY_RULE * Math.max(0, ...issuingLines.map((l) => w.width(l)));
  w.doc.setLineWidth(0.3);
  if (rule > 0) w.doc.line(leftC - rule / 2, y + 1.4, leftC + rule / 2, y + 1.4);
  y += 2.5;
  // Decree 30: the place and date stand "trên cùng một dòng với số, ký hiệu văn bản", however many lines the agency
  // block or the motto take: both sit on the lower of the two columns' next lines.
  const ryStart = top + w.lineHeight(13) * 2 + 2.5;
  const baseline = Math.max(y, ryStart);
  y = baseline;
  w.font("normal", 13);
  w.text(h.numberLine, leftC, y + 4.5, "center");
  const numberRight = leftC + w.width(h.numberLine) / 2;
  y += w.lineHeight(13);
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
  ry += w.lineHeight(13);
  w.doc.setLineWidth(0.3);
  w.doc.line(rightC - mw / 2, ry + 1.4, rightC + mw / 2, ry + 1.4);
  // (The motto's rule sits above `baseline`, which both columns' next lines share.)
  ry = baseline;
  w.font("italic", 13);
  // A long place name ("Thành phố Hồ Chí Minh, ngày …") keeps the line whole by reaching left, beside the
  // number, rather than wrapping; it wraps only when even that room is too narrow.
  const rightEdge = w.margin.left + w.contentWidth;
  const dateW = w.width(h.placeDate);
  if (dateW > rightW && dateW <= rightEdge - numberRight - GUTTER) {
    w.text(h.placeDate, rightEdge - dateW / 2, ry + 4.5, "center");
    ry += w.lineHeight(13);
  } else
    for (const l of w.wrap(h.placeDate, rightW)) {
      w.text(l, rightC, ry + 4.5, "center");
      ry += w.lineHeight(13);
    }
  w.doc.setLineWidth(0.25);
  w.y = Math.max(y, ry) + 6;
}
