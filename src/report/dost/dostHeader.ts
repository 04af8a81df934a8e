import type { DocumentHeader } from "../pdf/drawDocumentHeader";
import { formatDocNumber } from "../pdf/formatDocNumber";
import { formatPlaceDate } from "../pdf/formatPlaceDate";
import type { DostIssuer } from "../../domain/DostIssuer";

const KIND_OF = { KH: "plan", BC: "report", TB: "notice" } as const;

/** The Decree 30/2020 header of a DOST document: `kind` is KH, BC or TB; a full number ("27/TB-SKHCN") is kept
 * as given, a bare one ("27") gets the symbol the province set for the kind
 * (issuer settings) or the kind and `symbol`, none leaves "…" to fill in at registration. */
export function dostHeader(issuer: DostIssuer, kind: "KH" | "BC" | "TB", number: string | undefined, date: string | null | undefined): DocumentHeader {
  const n = (number ?? "").trim();
  const set = issuer.symbols?.[KIND_OF[kind]]?.trim();
  return {
    parentBody: issuer.parentBody,
    issuingBody: issuer.issuingBody,
    numberLine: n.includes("/") ? `Số: ${n}` : formatDocNumber(n, kind, set || issuer.symbol),
    placeDate: formatPlaceDate(issuer.provinceName, date ?? null),
  };
}
