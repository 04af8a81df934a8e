import { DEFAULT_DOST_ISSUER, dostIssuerOf, type DostIssuer } from "../../domain/DostIssuer";
import type { InspectionExport } from "../../domain/inspectionExport";
import { addMonths } from "../../domain/isoDate";
import { DocumentRefusedError } from "../DocumentRefusedError";
import { dostSigner } from "../dost/dostSigner";
import { issuerDraftingUnit } from "../dost/issuerDraftingUnit";
import { criterionText } from "../model/criterionText";
import { findingText } from "../model/findingText";
import { isoEdition } from "../model/isoEdition";
import { orderedCriteria } from "../model/orderedCriteria";
import { resultLabel } from "../model/resultLabel";
import { deepNfc } from "../pdf/deepNfc";
import type { DocumentBlock, DocumentModel } from "../pdf/DocumentModel";
import { formatDateVi } from "../pdf/formatDateVi";
import { formatDocNumber } from "../pdf/formatDocNumber";
import { formatPlaceDate } from "../pdf/formatPlaceDate";
import type { LetterOptions } from "./LetterOptions";

/** The inspecting unit when the console's settings are not at hand (the tablet's draft). */
function fallbackIssuer(exp: InspectionExport): DostIssuer {
  return { ...DEFAULT_DOST_ISSUER, parentBody: exp.issuer?.parentBody ?? "", provinceName: exp.issuer?.place ?? "", signer: { ...DEFAULT_DOST_ISSUER.signer } };
}

/**
 * The desk-review letter (TT 26 Art. 37.1.a): the inspecting unit's công văn ("Số: …/SKHCN-TĐC", signed for the Sở
 * or by the Chi cục) asking the agency to carry out or fix what does not yet meet requirements — every scored
 * criterion judged partial or nonconform, with the problems noted — and saying these points will be checked at
 * the next inspections. Its last paragraph stays with the signature.
 */
export function buildDeskReviewLetterModel(raw: InspectionExport, opts: LetterOptions = {}): DocumentModel {
  const exp = deepNfc(raw);
  const { inspection: ins, agency } = exp;
  if (ins.mode !== "desk")
    throw new DocumentRefusedError(
      'the desk-review letter is for a desk review (mode "desk"); an on-site inspection has its record: npm run report -- record <file>',
      "Công văn đề nghị chỉ dùng cho kiểm tra qua hồ sơ, báo cáo; kiểm tra tại trụ sở lập biên bản kiểm tra.",
    );
  // The settings frozen at finalize win: every copy of the letter, from any console or the command line, is the same.
  const issuer = deepNfc(ins.issuer ? dostIssuerOf(ins.issuer) : (opts.issuer ?? fallbackIssuer(exp)));
  const unit = issuerDraftingUnit(issuer);
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
    const requirement = p.criterion.activities.join("; ");
    const notes = [r?.note.trim() ?? "", ...findings.filter((f) => f.criterionCode === p.criterion.code).map((f) => findingText(f, requirement))]
      .map((t) => isoEdition(t.replace(/[.;,\s]+$/u, "")))
      .filter(Boolean);
    // The note and the finding each once, even when the finding repeats the note.
    const distinct = notes.filter((t, j) => notes.indexOf(t) === j && !notes.some((o, k) => k !== j && o.length > t.length && o.includes(t)));
    return [String(i + 1), `${p.criterion.code}.${p.criterion.activities.length > 1 ? "\n" : " "}${isoEdition(criterionText(p.criterion))}`, resultLabel(r), distinct.join("\n")];
  });
  const body = issuer.issuingBodyName.trim() || "Sở Khoa học và Công nghệ";
  const blocks: DocumentBlock[] = [
    {
      kind: "paragraph",
      text: `Căn cứ Điều 37 Thông tư số 26/2014/TT-BKHCN ngày 10/10/2014 của Bộ trưởng Bộ Khoa học và Công nghệ; trên cơ sở báo cáo tình hình xây dựng, áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng và các bằng chứng liên quan do ${agency.name} cung cấp, ${body} đã tiến hành kiểm tra qua hồ sơ, báo cáo.`,
    },
  ];
  let last: string;
  if (rows.length === 0) {
    blocks.push({ kind: "paragraph", text: "Kết quả kiểm tra cho thấy các nội dung được kiểm tra cơ bản đáp ứng yêu cầu." });
    last = `Đề nghị ${agency.name} tiếp tục duy trì và cải tiến Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015./.`;
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
            { header: "Vấn đề tồn tại", width: 58 },
          ],
          rows,
        },
      },
    );
    last = `Đề nghị ${agency.name} thực hiện hoặc khắc phục các nội dung nêu trên và báo cáo kết quả về ${body} trước ngày ${formatDateVi(replyBy)}. Các nội dung này sẽ được kiểm tra trong các cuộc kiểm tra tiếp theo./.`;
  }
  return {
    meta: { title: `Đề nghị thực hiện, khắc phục - ${agency.name}`, author: issuer.issuingBody, date },
    header: {
      parentBody: issuer.parentBody,
      issuingBody: issuer.issuingBody,
      numberLine: formatDocNumber(opts.number ?? "", null, issuer.symbols?.letter?.trim() || `${issuer.symbol.trim() || "SKHCN"}-${unit}`),
      placeDate: formatPlaceDate(issuer.provinceName.trim(), date),
      summary: "V/v đề nghị thực hiện, khắc phục các nội dung chưa đáp ứng yêu cầu của Hệ thống quản lý chất lượng",
    },
    addressees: [agency.name],
    blocks,
    closing: {
      // The last paragraph is drawn with the signature, so a signature never stands alone on a page.
      statement: last,
      signers: [dostSigner(issuer)],
      recipients: ["Như trên", ...(issuer.letterRecipients ?? []), `Lưu: VT, ${unit}`],
    },
    ...(opts.draft ? { draft: true } : {}),
  };
}
