import type { DocumentModel } from "../pdf/DocumentModel";
import { renderDocument } from "../pdf/renderDocument";

/** A DOST document model (plan, notice, yearly report) as PDF bytes in the official layout. */
export function renderDostPdf(model: DocumentModel): Uint8Array {
  return renderDocument(model);
}
