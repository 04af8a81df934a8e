import type { DocumentHeader } from "../pdf/drawDocumentHeader";
import { formatDocNumber } from "../pdf/formatDocNumber";
import { formatPlaceDate } from "../pdf/formatPlaceDate";
import type { DostIssuer } from "../../domain/DostIssuer";

/** The Decree 30/2020 header of a DOST document: `kind` is KH, BC or TB; a full number ("27/TB-SKHCN") is kept
 * as given, a bare one ("27") gets the kind and symbol, none leaves "…" to fill in at registration. */
export function dostHeader(issuer: DostIssuer, kind: "KH" | "BC" | "TB", number: string | undefined, date: string | null | undefined): DocumentHeader {
  const n = (number ?? "").trim();
  return {
    parentBody: issuer.parentBody,
    issuingBody: issuer.issuingBody,
    numberLine: n.includes("/") ? `Số: ${n}` : formatDocNumber(n, kind, issuer.symbol),
    placeDate: formatPlaceDate(issuer.provinceName, date ?? null),
  };
}
