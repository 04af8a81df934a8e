import type { Inspection } from "./inspection";

export type SigningGap = "leadName" | "agencyRepresentative" | "recordNumber" | "signedOn";

export const SIGNING_GAP_LABELS_VI: Record<SigningGap, string> = {
  leadName: "chưa có họ tên Trưởng đoàn kiểm tra ký biên bản",
  agencyRepresentative: "chưa có họ tên đại diện cơ quan chịu sự kiểm tra ký biên bản",
  recordNumber: "chưa có số biên bản",
  signedOn: "chưa có ngày ký",
};

/**
 * What a record still lacks before it may be finalized (TT 26 Art. 37.2.b: the team lead and the agency sign it):
 * both signatories, the record number and the signing date. A desk review has no record (Art. 37.1.a): only its
 * date is needed.
 */
export function signingGaps(ins: Partial<Pick<Inspection, "mode" | "leadName" | "agencyRepresentative" | "recordNumber" | "signedOn">>): SigningGap[] {
  const gaps: SigningGap[] = [];
  if (ins.mode !== "desk") {
    if (!ins.leadName?.trim()) gaps.push("leadName");
    if (!ins.agencyRepresentative?.trim()) gaps.push("agencyRepresentative");
    if (!ins.recordNumber?.trim()) gaps.push("recordNumber");
  }
  if (!ins.signedOn) gaps.push("signedOn");
  return gaps;
}
