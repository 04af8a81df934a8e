import type { IssuerFields, IssuerSymbols } from "./issuerSettings";
import { suggestedAbbreviation } from "./issuerSymbolProblem";

/** Who issues DOST documents: the province's department and its inspecting unit (configurable: provinces name it
 * differently since 2025), with the signer. */
export interface DostIssuer {
  /** "UBND TỈNH THANH HÓA" */
  parentBody: string;
  /** "SỞ KHOA HỌC VÀ CÔNG NGHỆ" */
  issuingBody: string;
  /** The same in running text: "Sở Khoa học và Công nghệ". */
  issuingBodyName: string;
  /** The division that inspects, e.g. "Chi cục Tiêu chuẩn Đo lường Chất lượng". */
  inspectingUnit: string;
  /** Province name for the place line and the text, e.g. "Thanh Hóa". */
  provinceName: string;
  /** Number symbol, e.g. "SKHCN". */
  symbol: string;
  /** The drafting unit (NĐ 30): in a letter's number ("…/SKHCN-TĐC") and every "Lưu: VT, TĐC." line. */
  draftingUnit?: string;
  /** Recipients a desk-review letter is also sent to, between "Như trên" and "Lưu". */
  letterRecipients?: string[];
  signer: { heading: string[]; name: string };
  /** The full symbol of each kind the province set ("KH-SKHCN", "SKHCN-TĐC"); `symbol` and the kind code otherwise. */
  symbols?: Partial<IssuerSymbols>;
}

export const DEFAULT_DOST_ISSUER: DostIssuer = {
  parentBody: "UBND TỈNH THANH HÓA",
  issuingBody: "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
  issuingBodyName: "Sở Khoa học và Công nghệ",
  inspectingUnit: "Chi cục Tiêu chuẩn Đo lường Chất lượng",
  provinceName: "Thanh Hóa",
  symbol: "SKHCN",
  draftingUnit: "TĐC",
  signer: { heading: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], name: "" },
};

/** The DOST documents' issuer from the province's issuer settings (synced): a blank setting takes the default. */
export function dostIssuerOf(f: IssuerFields): DostIssuer {
  const d = DEFAULT_DOST_ISSUER;
  const or = (v: string, dflt: string) => v.trim() || dflt;
  const issuingBody = or(f.issuingBody, d.issuingBody);
  const heading = f.signerHeading.map((l) => l.trim()).filter(Boolean);
  const symbols = Object.fromEntries(Object.entries(f.symbols).filter(([, v]) => v.trim())) as Partial<IssuerSymbols>;
  return {
    parentBody: or(f.parentBody, d.parentBody),
    issuingBody,
    issuingBodyName: or(f.issuingBodyName, f.issuingBody.trim() ? f.issuingBody : d.issuingBodyName),
    inspectingUnit: or(f.inspectingUnit, d.inspectingUnit),
    provinceName: or(f.place, d.provinceName),
    symbol: f.issuingBody.trim() ? suggestedAbbreviation(issuingBody) : d.symbol,
    draftingUnit: or(f.draftingUnit, d.draftingUnit ?? "TĐC"),
    ...(f.recipients.length ? { letterRecipients: f.recipients } : {}),
    signer: { heading: heading.length ? heading : [...d.signer.heading], name: f.signerName },
    ...(Object.keys(symbols).length ? { symbols } : {}),
  };
}
