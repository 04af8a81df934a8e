import type { InspectionExport } from "../domain/inspectionExport";
import { buildDeskReviewLetterModel } from "./letter/buildDeskReviewLetterModel";
import type { LetterOptions } from "./letter/LetterOptions";
import { renderDocument } from "./pdf/renderDocument";

/** The desk-review letter (request to carry out or fix what does not yet meet requirements) as PDF bytes. */
export async function renderDeskReviewLetter(exp: InspectionExport, opts: LetterOptions = {}): Promise<Uint8Array> {
  return renderDocument(buildDeskReviewLetterModel(exp, opts));
}
