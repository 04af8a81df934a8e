import type { DostIssuer } from "../../domain/DostIssuer";

/** The drafting unit of a DOST document ("TĐC" unless set). */
export function issuerDraftingUnit(issuer: Pick<DostIssuer, "draftingUnit">): string {
  return issuer.draftingUnit?.trim() || "TĐC";
}
