import type { Inspection } from "../../domain/inspection";
import { formatDateVi } from "../pdf/formatDateVi";

const DOTS = "……………";

/** The decision's number as typed, without a "Quyết định số" / "QĐ số" / "Số:" the user typed in front. */
export function decisionNumber(ref: string): string {
  return ref
    .trim()
    .replace(/^(?:quyết\s+định|qđ)\s*(?:số)?\s*:?\s*/iu, "")
    .replace(/^số\s*:?\s*/iu, "")
    .trim();
}

/**
 * "Quyết định số 87/QĐ-SKHCN ngày 20/01/2026 của Giám đốc Sở Khoa học và Công nghệ về việc …", from the decision's own
 * fields only (TT 26 Art. 35.2: the Chi cục or the Sở issues it, never the team). A field left empty prints dots to
 * be filled in by hand; nothing is made up. Empty when no number was typed.
 */
export function decisionCitation(ins: Pick<Inspection, "decisionRef" | "decisionDate" | "decisionIssuer" | "decisionSubject">): string {
  const n = decisionNumber(ins.decisionRef);
  if (!n) return "";
  const issuer = (ins.decisionIssuer ?? "").trim();
  const subject = (ins.decisionSubject ?? "").trim().replace(/^(?:v\/v|về việc)\s*/iu, "").replace(/[.;,\s]+$/u, "");
  return `Quyết định số ${n} ngày ${formatDateVi(ins.decisionDate)} của ${issuer || DOTS} về việc ${subject || DOTS}`;
}
