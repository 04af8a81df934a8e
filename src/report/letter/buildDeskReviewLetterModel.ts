import type { InspectionExport } from "../../domain/inspectionExport";
import { addMonths } from "../../domain/isoDate";
import { criterionText } from "../model/criterionText";
import { orderedCriteria } from "../model/orderedCriteria";
import { resultLabel } from "../model/resultLabel";
import { deepNfc } from "../pdf/deepNfc";
import type { DocumentBlock, DocumentModel } from "../pdf/DocumentModel";
import { formatDateVi } from "../pdf/formatDateVi";
import { formatDocNumber } from "../pdf/formatDocNumber";
import { formatPlaceDate } from "../pdf/formatPlaceDate";
import type { LetterOptions } from "./LetterOptions";

/**
 * The desk-review letter (TT 26 Art. 37.1.a): asks the agency to carry out or fix what does not yet meet
 * requirements — every scored criterion judged partial or nonconform, with the problems found — and says these
 * points will be checked at the next inspections.
 */
export function buildDeskReviewLetterModel(raw: InspectionExport, opts: LetterOptions = {}): DocumentModel {
  const exp = deepNfc(raw);
  const { inspection: ins, agency } = exp;
  const issuingBody = exp.issuer?.issuingBody.trim() || "Đoàn kiểm tra";
  const symbol = exp.issuer?.symbol.trim() || "ĐKT";
  const date = opts.date ?? ins.signedOn ?? ins.startedOn;
  const replyBy = opts.replyBy ?? addMonths(date, 2);
  const results = new Map(exp.results.map((r) => [r.criterionCode, r]));
  const findings = exp.findings.filter((f) => !f.deleted && f.text.trim());
  const unmet = orderedCriteria(exp.checklist).filter((p) => {
    const o = results.get(p.criterion.code)?.outcome;
    return p.section.scored && (o === "nonconform" || o === "partial");
  });
  const rows = unmet.map((p, i) => {
    const r = results.get(p.criterion.code);
    const problems = findings.filter((f) => f.criterionCode === p.criterion.code).map((f) => f.text.trim());
    return [String(i + 1), `${p.criterion.code}.${p.criterion.activities.length > 1 ? "\n" : " "}${criterionText(p.criterion)}`, resultLabel(r), [r?.note.trim(), ...problems].filter(Boolean).join("\n")];
  });
  const blocks: DocumentBlock[] = [
    {
      kind: "paragraph",
      text: `Căn cứ Điều 37 Thông tư số 26/2014/TT-BKHCN ngày 10/10/2014 của Bộ trưởng Bộ Khoa học và Công nghệ; trên cơ sở báo cáo tình hình xây dựng, áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng và các bằng chứng liên quan do ${agency.name} cung cấp, ${issuingBody} đã tiến hành kiểm tra qua hồ sơ, báo cáo${ins.decisionRef.trim() ? ` theo Quyết định số ${ins.decisionRef.trim()}${ins.decisionDate ? ` ngày ${formatDateVi(ins.decisionDate)}` : ""}` : ""}.`,
    },
  ];
  if (rows.length === 0) {
    blocks.push({ kind: "paragraph", text: `Kết quả kiểm tra cho thấy các nội dung được kiểm tra cơ bản đáp ứng yêu cầu. Đề nghị ${agency.name} tiếp tục duy trì và cải tiến Hệ thống quản lý chất lượng.` });
  } else {
    blocks.push(
      { kind: "paragraph", text: `Kết quả kiểm tra cho thấy còn ${rows.length} nội dung chưa đáp ứng yêu cầu, cụ thể như sau:` },
      {
        kind: "table",
        table: {
          columns: [
            { header: "TT", width: 10, align: "center" },
            { header: "Nội dung chưa đáp ứng yêu cầu", width: 75 },
            { header: "Kết quả", width: 22, align: "center" },
            { header: "Tồn tại, ghi chú", width: 58 },
          ],
          rows,
        },
      },
      {
        kind: "paragraph",
        text: `Đề nghị ${agency.name} thực hiện hoặc khắc phục các nội dung nêu trên và báo cáo kết quả về ${issuingBody} trước ngày ${formatDateVi(replyBy)}. Các nội dung này sẽ được kiểm tra trong các cuộc kiểm tra tiếp theo.`,
      },
    );
  }
  blocks.push({ kind: "paragraph", text: `${issuingBody} đề nghị ${agency.name} quan tâm thực hiện./.` });
  return {
    meta: { title: `Đề nghị thực hiện, khắc phục - ${agency.name}`, author: issuingBody, date },
    header: {
      parentBody: exp.issuer?.parentBody ?? "",
      issuingBody,
      numberLine: formatDocNumber(opts.number ?? "", null, symbol),
      placeDate: formatPlaceDate(exp.issuer?.place.trim() ?? "", date),
      summary: "V/v đề nghị thực hiện, khắc phục các nội dung chưa đáp ứng yêu cầu của Hệ thống quản lý chất lượng",
    },
    addressees: [agency.name],
    blocks,
    closing: {
      signers: [{ heading: opts.signer?.heading ?? ["Trưởng đoàn kiểm tra"], name: opts.signer?.name ?? ins.leadName.trim() }],
      recipients: ["Như trên", `Lưu: VT, ${symbol}`],
    },
  };
}
