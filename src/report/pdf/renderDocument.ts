import { createPdfWriter } from "./createPdfWriter";
import type { DocumentModel } from "./DocumentModel";
import { drawDocument } from "./drawDocument";
import { pdfBytes } from "./pdfBytes";

/** A generic document model as PDF bytes (A4, Tinos; `helvetica` only for benchmark baselines). */
export function renderDocument(m: DocumentModel, font: "tinos" | "helvetica" = "tinos"): Uint8Array {
  const w = createPdfWriter({ ...m.meta, font });
  drawDocument(w, m);
  return pdfBytes(w);
}
