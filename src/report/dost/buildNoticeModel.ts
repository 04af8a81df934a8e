import type { Action } from "../../domain/action";
import { addMonths } from "../../domain/isoDate";
import { deepNfc } from "../pdf/deepNfc";
import type { DocumentModel } from "../pdf/DocumentModel";
import { formatDateVi } from "../pdf/formatDateVi";
import { dostHeader } from "./dostHeader";
import { dostSigner } from "./dostSigner";
import type { DostIssuer } from "../../domain/DostIssuer";
import { DOST_LEGAL_BASES } from "./dostLegalBases";

export interface NoticeInput {
  action: Pick<Action, "description" | "agencyReport" | "reportedOn" | "decisionNote" | "noticeNumber" | "dueOn">;
  agencyName: string;
  /** The problem found (finding text) and its criterion, when known. */
  finding: { criterionCode: string | null; text: string } | null;
  inspection: { recordNumber: string; signedOn: string | null; startedOn: string };
  /** The notice's date; the agency gets two more months from it. */
  date: string;
}

/**
 * The notice that a corrective action is not accepted (thông báo chưa chấp nhận hành động khắc phục, TT 26/2014
 * Art. 37): what was found, what the agency reported, why it is not enough, and the new deadline.
 */
export function buildNoticeModel(raw: NoticeInput, issuer: DostIssuer): DocumentModel {
  const n = deepNfc(raw);
  const record = n.inspection.recordNumber.trim()
    ? `Biên bản kiểm tra số ${n.inspection.recordNumber.trim()}${n.inspection.signedOn ? ` ngày ${formatDateVi(n.inspection.signedOn)}` : ""}`
    : `biên bản kiểm tra ngày ${formatDateVi(n.inspection.signedOn ?? n.inspection.startedOn)}`;
  const newDue = addMonths(n.date, 2);
  return {
    meta: { title: `Thông báo chưa chấp nhận hành động khắc phục - ${n.agencyName}`, author: issuer.issuingBody, date: n.date },
    header: dostHeader(issuer, "TB", n.action.noticeNumber, n.date),
    title: "THÔNG BÁO",
    subject: "Chưa chấp nhận hành động khắc phục",
    legalBases: [...DOST_LEGAL_BASES, `Căn cứ ${record}`],
    addressees: [n.agencyName],
    blocks: [
      { kind: "paragraph", indent: true, text: `Qua xem xét báo cáo kết quả thực hiện hành động khắc phục của ${n.agencyName}${n.action.reportedOn ? ` ngày ${formatDateVi(n.action.reportedOn)}` : ""}, ${issuer.inspectingUnit} thông báo như sau:` },
      { kind: "paragraph", indent: true, text: `1. Vấn đề tồn tại${n.finding?.criterionCode ? ` (nội dung ${n.finding.criterionCode})` : ""}: ${n.finding?.text.trim() || n.action.description.trim()}.` },
      { kind: "paragraph", indent: true, text: `2. Hành động khắc phục đã yêu cầu: ${n.action.description.trim() || "(không ghi)"}.` },
      { kind: "paragraph", indent: true, text: `3. Báo cáo của cơ quan: ${n.action.agencyReport.trim() || "(không có báo cáo)"}.` },
      { kind: "paragraph", indent: true, text: `4. Lý do chưa chấp nhận: ${n.action.decisionNote.trim() || "hành động khắc phục chưa đáp ứng yêu cầu"}.` },
      { kind: "paragraph", indent: true, text: `Đề nghị ${n.agencyName} tiếp tục thực hiện hành động khắc phục và báo cáo kết quả trước ngày ${formatDateVi(newDue)}. Hiệu lực của hành động khắc phục sẽ được xem xét trong lần kiểm tra tiếp theo./.` },
    ],
    closing: {
      signers: [dostSigner(issuer)],
      recipients: ["Như trên", issuer.inspectingUnit, `Lưu: VT, ${issuer.symbol}`],
    },
  };
}
