import type { Action } from "../../domain/action";
import { addMonths } from "../../domain/isoDate";
import type { DostIssuer } from "../../domain/DostIssuer";
import { findingText } from "../model/findingText";
import { isoEdition } from "../model/isoEdition";
import { deepNfc } from "../pdf/deepNfc";
import type { DocumentBlock, DocumentModel } from "../pdf/DocumentModel";
import { formatDateVi } from "../pdf/formatDateVi";
import { dostHeader } from "./dostHeader";
import { dostSigner } from "./dostSigner";
import { DOST_LEGAL_BASES } from "./dostLegalBases";
import { issuerDraftingUnit } from "./issuerDraftingUnit";

export interface NoticeAction {
  action: Pick<Action, "description" | "agencyReport" | "reportedOn" | "decisionNote"> & { reportNumber?: string | undefined };
  /** The problem found (finding text) and its criterion, when known. */
  finding: { criterionCode: string | null; text: string } | null;
}

export interface NoticeInput {
  agencyName: string;
  inspection: { recordNumber: string; signedOn: string | null; startedOn: string };
  /** Every action of the agency's record not accepted: the notice lists them all, once per agency. */
  actions: NoticeAction[];
  /** The notice's registered number ("27" or "27/TB-SKHCN"; "" leaves "…"). */
  number: string;
  /** The notice's date; the agency gets two more months from it. */
  date: string;
}

/**
 * The inspecting unit's notice that corrective actions are not accepted (thông báo chưa chấp nhận hành động khắc
 * phục, TT 26/2014 Art. 37.2.d), one per agency and record, listing each action: the problem found, what the agency
 * reported (its report's number and date), why it is not accepted. It speaks as the Sở; a notice has no "Kính
 * gửi": the agency is named in the text and first in "Nơi nhận".
 */
export function buildNoticeModel(raw: NoticeInput, issuer: DostIssuer): DocumentModel {
  const n = deepNfc(raw);
  const record = n.inspection.recordNumber.trim()
    ? `Biên bản kiểm tra số ${n.inspection.recordNumber.trim()}${n.inspection.signedOn ? ` ngày ${formatDateVi(n.inspection.signedOn)}` : ""}`
    : `Biên bản kiểm tra ngày ${formatDateVi(n.inspection.signedOn ?? n.inspection.startedOn)}`;
  const newDue = addMonths(n.date, 2);
  const sender = issuer.issuingBodyName.trim() || "Sở Khoa học và Công nghệ";
  const reports = [...new Set(n.actions.map((a) => reportRef(a.action)).filter(Boolean))];
  const blocks: DocumentBlock[] = [
    {
      kind: "paragraph",
      text: `Qua xem xét báo cáo thực hiện hành động khắc phục${reports.length ? ` (${reports.join("; ")})` : ""} của ${n.agencyName} đối với các vấn đề tồn tại nêu tại ${record}, ${sender} thông báo chưa chấp nhận ${n.actions.length === 1 ? "hành động khắc phục" : `${n.actions.length} hành động khắc phục`} sau đây:`,
    },
  ];
  n.actions.forEach((a, i) => {
    const problem = a.finding ? isoEdition(findingText(a.finding)) : "";
    blocks.push(
      { kind: "paragraph", style: "bold", text: `${i + 1}. ${problem || a.action.description.trim().replace(/[.;,\s]+$/u, "")}` },
      { kind: "paragraph", text: `- Hành động khắc phục: ${a.action.description.trim().replace(/[.;,\s]+$/u, "") || "……"}.` },
      { kind: "paragraph", text: `- Cơ quan đã báo cáo: ${a.action.agencyReport.trim().replace(/[.;,\s]+$/u, "") || "……"}.` },
      { kind: "paragraph", text: `- Lý do chưa chấp nhận: ${a.action.decisionNote.trim().replace(/[.;,\s]+$/u, "") || "……"}.` },
    );
  });
  return {
    meta: { title: `Thông báo chưa chấp nhận hành động khắc phục - ${n.agencyName}`, author: issuer.issuingBody, date: n.date },
    header: dostHeader(issuer, "TB", n.number, n.date),
    title: "THÔNG BÁO",
    subject: "Chưa chấp nhận hành động khắc phục",
    legalBases: [...DOST_LEGAL_BASES, `Căn cứ ${record}`],
    blocks,
    closing: {
      statement: `${sender} đề nghị ${n.agencyName} tiếp tục thực hiện hành động khắc phục các vấn đề tồn tại nêu trên và báo cáo kết quả trước ngày ${formatDateVi(newDue)}. Hiệu lực của hành động khắc phục sẽ được xem xét trong lần kiểm tra tiếp theo./.`,
      signers: [dostSigner(issuer)],
      recipients: [n.agencyName, `Lưu: VT, ${issuerDraftingUnit(issuer)}`],
    },
  };
}

function reportRef(a: NoticeAction["action"]): string {
  const num = a.reportNumber?.trim();
  if (!num && !a.reportedOn) return "";
  return `${num ? `báo cáo số ${num}` : "báo cáo"}${a.reportedOn ? ` ngày ${formatDateVi(a.reportedOn)}` : ""}`;
}
