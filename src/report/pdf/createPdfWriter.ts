import { jsPDF } from "jspdf";
import { PdfWriter } from "./PdfWriter";
import type { Margins } from "./PdfWriter";
import { nfc } from "./nfc";
import { registerTinos, TINOS } from "./registerTinos";

export interface DocumentSetup {
  title: string;
  subject?: string;
  author?: string;
  /** Fixes the PDF's creation date and file id, so the same input gives the same bytes (ISO date or date-time). */
  date?: string;
  /**
   * `tinos` (default) embeds Tinos; `helvetica` uses jsPDF's built-in font, which cannot draw Vietnamese and
   * exists only as the benchmark's baseline for what the embedded font costs.
   */
  font?: "tinos" | "helvetica";
  margins?: Partial<Margins>;
}

/** Decree 30/2020: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const DEFAULT_MARGINS: Margins = { top: 20, right: 15, bottom: 20, left: 30 };

/** An A4 portrait document with the administrative margins and the Tinos faces registered. */
export function createPdfWriter(setup: DocumentSetup): PdfWriter {
  const doc = new jsPDF({ unit: "mm", format: "a4", orientation: "portrait", compress: true, putOnlyUsedFonts: true });
  const family = setup.font === "helvetica" ? "helvetica" : TINOS;
  if (family === TINOS) registerTinos(doc);
  doc.setProperties({
    title: nfc(setup.title),
    subject: nfc(setup.subject ?? ""),
    author: nfc(setup.author ?? ""),
    creator: "htqlcl-kiem-tra",
  });
  if (setup.date) {
    const d = new Date(setup.date.length === 10 ? `${setup.date}T00:00:00Z` : setup.date);
    if (!Number.isNaN(d.getTime())) doc.setCreationDate(d);
    doc.setFileId(fileIdOf(`${setup.title}|${setup.date}`));
  }
  doc.setTextColor(0, 0, 0);
  doc.setDrawColor(0, 0, 0);
  doc.setLineWidth(0.25);
  const w = new PdfWriter(doc, family, { ...DEFAULT_MARGINS, ...setup.margins });
  w.font("normal", 13);
  return w;
}

/** A stable 32-hex-digit id from a string (FNV-1a, four lanes): the PDF needs one, it need not be secret. */
function fileIdOf(s: string): string {
  let out = "";
  for (let lane = 0; lane < 4; lane++) {
    let h = 0x811c9dc5 ^ lane;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, "0");
  }
  return out.toUpperCase();
}
