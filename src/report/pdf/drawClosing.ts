import type { PdfWriter } from "./PdfWriter";
import { recipientLines } from "./recipientLines";

export interface Signer {
  /** Bold capital lines above the signature: ["TRƯỞNG ĐOÀN KIỂM TRA"] or ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]. */
  heading: readonly string[];
  /** Italic hint under the heading, e.g. "(Ký, ghi rõ họ tên)". */
  note?: string;
  /** Full name, without academic titles (Decree 30/2020). Empty leaves the line blank for hand writing. */
  name: string;
  /** A drawn signature as a PNG data URL, placed in the signing space. */
  signature?: string | null;
}
export interface Closing {
  /** A closing paragraph kept on the page of the signatures (a record's "Biên bản đã được đọc lại …"). */
  statement?: string;
  signers: readonly Signer[];
  /** "Nơi nhận" entries; omit for none. */
  recipients?: readonly string[];
}

const SIGN_SPACE = 26;
const INDENT = 10;

/**
 * The end of a document. One signer: "Nơi nhận" on the left beside the signature block on the right (reports,
 * letters, plans). Two signers (an inspection record): the blocks side by side, then "Nơi nhận" at the bottom
 * left of the page. The statement, the blocks and "Nơi nhận" are kept together on one page, so no page carries
 * signatures without text, or "Nơi nhận" alone.
 */
export function drawClosing(w: PdfWriter, c: Closing): void {
  const signers = c.signers.slice(0, 2);
  const blockH = Math.max(0, ...signers.map((s) => signerHeight(w, s)));
  const half = w.contentWidth / 2;
  const recW = signers.length === 2 ? half : w.contentWidth * 0.45;
  const recH = c.recipients ? recipientsHeight(w, c.recipients, recW) : 0;
  w.font("normal", 13);
  const statementH = c.statement ? w.wrap(c.statement, w.contentWidth, INDENT).length * w.lineHeight(13) + 4 : 0;
  w.ensure(statementH + (signers.length === 2 ? blockH + 4 + recH : Math.max(blockH, recH)));
  if (c.statement) w.paragraph(c.statement, { indent: INDENT, after: 4 });
  if (signers.length === 2) {
    const top = w.y;
    signers.forEach((s, i) => drawSigner(w, s, w.margin.left + half * i, half, top, blockH));
    w.y = top + blockH + 4;
    if (c.recipients) {
      drawRecipients(w, c.recipients, w.margin.left, w.bottom - recH, recW);
      w.y = w.bottom;
    }
    return;
  }
  const h = Math.max(blockH, recH);
  const top = w.y;
  if (c.recipients) drawRecipients(w, c.recipients, w.margin.left, top, recW);
  const signer = signers[0];
  if (signer) drawSigner(w, signer, w.margin.left + w.contentWidth * 0.45, w.contentWidth * 0.55, top, blockH);
  w.y = top + h + 4;
}

function signerHeight(w: PdfWriter, s: Signer): number {
  return s.heading.length * w.lineHeight(13) + (s.note ? w.lineHeight(12) : 0) + SIGN_SPACE + w.lineHeight(13);
}

/** Names sit on one line across blocks whose headings differ in length. */
function drawSigner(w: PdfWriter, s: Signer, x: number, width: number, top: number, blockH: number): void {
  const cx = x + width / 2;
  let y = top;
  w.font("bold", 13);
  for (const line of s.heading) {
    w.text(line.toLocaleUpperCase("vi"), cx, y + 4.5, "center");
    y += w.lineHeight(13);
  }
  if (s.note) {
    w.font("italic", 12);
    w.text(s.note, cx, y + 4.2, "center");
  }
  if (s.signature) {
    try {
      const p = w.doc.getImageProperties(s.signature);
      const scale = Math.min((width - 10) / p.width, (SIGN_SPACE - 4) / p.height);
      const iw = p.width * scale;
      const ih = p.height * scale;
      const spaceTop = top + blockH - w.lineHeight(13) - SIGN_SPACE;
      w.doc.addImage(s.signature, "PNG", cx - iw / 2, spaceTop + 2, iw, ih);
    } catch {
      // An unreadable drawn signature leaves the space blank for a hand signature rather than failing the record.
    }
  }
  w.font("bold", 13);
  if (s.name.trim()) w.text(s.name, cx, top + blockH - w.lineHeight(13) + 4.5, "center");
}

function recipientsHeight(w: PdfWriter, recipients: readonly string[], width: number): number {
  w.font("normal", 11);
  const lines = recipientLines(recipients).reduce((n, line) => n + w.wrap(line, width - 2).length, 0);
  return w.lineHeight(12) + lines * w.lineHeight(11) + 2;
}

function drawRecipients(w: PdfWriter, recipients: readonly string[], x: number, top: number, width: number): void {
  w.font("bolditalic", 12);
  w.text("Nơi nhận:", x, top + 4.2);
  let y = top + w.lineHeight(12);
  w.font("normal", 11);
  for (const line of recipientLines(recipients)) {
    for (const [i, part] of w.wrap(line, width - 2).entries()) {
      w.text(i === 0 ? part : `  ${part}`, x, y + 3.9);
      y += w.lineHeight(11);
    }
  }
}
