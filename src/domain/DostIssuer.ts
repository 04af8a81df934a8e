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
