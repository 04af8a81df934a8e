import type { PdfWriter } from "./PdfWriter";

const POSTSCRIPT: Record<string, string> = {
  normal: "Tinos-Regular",
  bold: "Tinos-Bold",
  italic: "Tinos-Italic",
  bolditalic: "Tinos-BoldItalic",
};

interface FontObject {
  fontName: string;
  fontStyle: string;
}

/**
 * The finished PDF. jsPDF names every embedded face after its family ("Tinos"); just before output each face
 * gets its PostScript name, so viewers and `pdffonts` tell regular, bold and italic apart. (Renaming earlier
 * would break jsPDF's family → face lookup.)
 */
export function pdfBytes(w: PdfWriter): Uint8Array {
  const internal = w.doc.internal as unknown as { getFont(name: string, style: string, o?: { noFallback: boolean }): FontObject | undefined };
  const styles = w.doc.getFontList()[w.family] ?? [];
  const faces = styles.map((s) => internal.getFont(w.family, s, { noFallback: true })).filter((f): f is FontObject => !!f && f.fontName === w.family);
  for (const f of faces) f.fontName = POSTSCRIPT[f.fontStyle] ?? f.fontName;
  try {
    return new Uint8Array(w.doc.output("arraybuffer"));
  } finally {
    for (const f of faces) f.fontName = w.family;
  }
}
