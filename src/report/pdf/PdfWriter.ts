import type { jsPDF } from "jspdf";
import { nfc } from "./nfc";
import { replaceMissingGlyphs } from "./replaceMissingGlyphs";

export type FontStyle = "normal" | "bold" | "italic" | "bolditalic";
export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}
export interface ParagraphOptions {
  size?: number;
  style?: FontStyle;
  align?: "justify" | "left" | "center" | "right";
  /** First-line indent in mm. */
  indent?: number;
  /** Left edge and width of the text box (default: the content area). */
  x?: number;
  width?: number;
  /** Space after the paragraph in mm. */
  after?: number;
}

const PT = 25.4 / 72;

/**
 * A jsPDF document with a cursor: draws NFC text in the content area of an A4 page (Decree 30/2020 margins),
 * wraps and justifies paragraphs itself (jsPDF's own justify relies on the PDF word-spacing operator, which
 * embedded Identity-H fonts ignore), and starts a new page when the cursor reaches the bottom margin.
 */
export class PdfWriter {
  y: number;

  constructor(
    readonly doc: jsPDF,
    readonly family: string,
    readonly margin: Margins,
    readonly lineFactor = 1.25,
  ) {
    this.y = margin.top;
  }

  get pageWidth(): number {
    return this.doc.internal.pageSize.getWidth();
  }
  get pageHeight(): number {
    return this.doc.internal.pageSize.getHeight();
  }
  get contentWidth(): number {
    return this.pageWidth - this.margin.left - this.margin.right;
  }
  get bottom(): number {
    return this.pageHeight - this.margin.bottom;
  }
  get pageCount(): number {
    return this.doc.getNumberOfPages();
  }

  font(style: FontStyle, size: number): this {
    this.doc.setFont(this.family, style);
    this.doc.setFontSize(size);
    return this;
  }

  /** Height of one line of `size` pt text, in mm. */
  lineHeight(size: number): number {
    return size * PT * this.lineFactor;
  }

  width(s: string): number {
    return this.doc.getTextWidth(this.drawable(s));
  }

  /**
   * A string as it can be drawn in the current font: NFC, and no character the embedded font lacks (see
   * replaceMissingGlyphs). jsPDF's built-in fonts carry no glyph table; their text is only composed.
   */
  drawable(s: string): string {
    const font = this.doc.getFont() as unknown as { metadata?: { characterToGlyph?(codePoint: number): number } };
    const cmap = font.metadata?.characterToGlyph ? font.metadata : undefined;
    return cmap ? replaceMissingGlyphs(nfc(s), (cp) => (cmap.characterToGlyph?.(cp) ?? 0) !== 0) : nfc(s);
  }

  /** Draws one line at a baseline; every string goes through NFC (and `drawable`) here. */
  text(s: string, x: number, baseline: number, align: "left" | "center" | "right" = "left"): void {
    this.doc.text(this.drawable(s), x, baseline, { align, baseline: "alphabetic" });
  }

  newPage(): void {
    this.doc.addPage("a4", "portrait");
    this.y = this.margin.top;
  }

  /** Makes sure `height` mm fit above the bottom margin, starting a new page if not. */
  ensure(height: number): void {
    if (this.y + height > this.bottom + 0.01) this.newPage();
  }

  gap(mm: number): void {
    this.y += mm;
  }

  /** Splits text into lines that fit `width` (current font), with a narrower first line when indented. */
  wrap(text: string, width: number, indent = 0): string[] {
    const words = this.drawable(text).split(/\s+/).filter(Boolean);
    const lines: string[] = [];
    const space = this.doc.getTextWidth(" ");
    let line: string[] = [];
    let used = 0;
    for (const word of words) {
      const avail = width - (lines.length === 0 ? indent : 0);
      const w = this.doc.getTextWidth(word);
      if (line.length > 0 && used + space + w > avail) {
        lines.push(line.join(" "));
        line = [];
        used = 0;
      }
      if (line.length === 0 && w > avail) {
        // A word wider than the line (a long URL or code): cut it by characters.
        const pieces = this.doc.splitTextToSize(word, avail) as string[];
        lines.push(...pieces.slice(0, -1));
        const last = pieces[pieces.length - 1] ?? "";
        line = [last];
        used = this.doc.getTextWidth(last);
        continue;
      }
      used += (line.length > 0 ? space : 0) + w;
      line.push(word);
    }
    if (line.length > 0) lines.push(line.join(" "));
    return lines;
  }

  /** A paragraph (or several, split on newlines) from the cursor down, breaking pages as needed. */
  paragraph(text: string, opts: ParagraphOptions = {}): void {
    const size = opts.size ?? 13;
    const style = opts.style ?? "normal";
    const align = opts.align ?? "justify";
    const x = opts.x ?? this.margin.left;
    const width = opts.width ?? this.contentWidth;
    const indent = opts.indent ?? 0;
    const lh = this.lineHeight(size);
    for (const para of nfc(text).split(/\r?\n/)) {
      this.font(style, size);
      const lines = this.wrap(para, width, indent);
      if (lines.length === 0) continue;
      lines.forEach((line, i) => {
        if (this.y + lh > this.bottom + 0.01) {
          this.newPage();
          this.font(style, size);
        }
        const baseline = this.y + size * PT * 0.95;
        const lx = x + (i === 0 ? indent : 0);
        const lw = width - (i === 0 ? indent : 0);
        const last = i === lines.length - 1;
        if (align === "justify" && !last) this.justifiedLine(line, lx, baseline, lw);
        else if (align === "center") this.text(line, lx + lw / 2, baseline, "center");
        else if (align === "right") this.text(line, lx + lw, baseline, "right");
        else this.text(line, lx, baseline);
        this.y += lh;
      });
    }
    this.y += opts.after ?? 0;
  }

  private justifiedLine(line: string, x: number, baseline: number, width: number): void {
    const words = line.split(" ");
    if (words.length < 2) {
      this.text(line, x, baseline);
      return;
    }
    const widths = words.map((w) => this.doc.getTextWidth(w));
    const gap = (width - widths.reduce((a, b) => a + b, 0)) / (words.length - 1);
    let cx = x;
    words.forEach((w, i) => {
      this.text(w, cx, baseline);
      cx += (widths[i] ?? 0) + gap;
    });
  }
}
