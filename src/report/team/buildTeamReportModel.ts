import type { InspectionExport } from "../../domain/inspectionExport";
import { addMonths } from "../../domain/isoDate";
import { orderedCriteria } from "../model/orderedCriteria";
import { deepNfc } from "../pdf/deepNfc";
import type { DocumentBlock, DocumentModel } from "../pdf/DocumentModel";
import { formatDateVi } from "../pdf/formatDateVi";
import { formatDocNumber } from "../pdf/formatDocNumber";
import { formatPlaceDate } from "../pdf/formatPlaceDate";

export interface TeamReportOptions {
  number?: string;
  /** Report date (ISO); defaults to the latest inspection date. */
  date?: string;
  signer?: { heading: string[]; name: string };
}

/**
 * The inspection team's report on a set of inspections (TT 26 Art. 37.3): what was inspected, results per
 * agency, problems found, corrective actions required, and the team's recommendations.
 */
export function buildTeamReportModel(raws: readonly InspectionExport[], opts: TeamReportOptions = {}): DocumentModel {
  if (raws.length === 0) throw new Error("buildTeamReportModel: no inspections");
  const exps = deepNfc(raws.map((r) => r)).sort((a, b) => a.inspection.startedOn.localeCompare(b.inspection.startedOn) || a.agency.name.localeCompare(b.agency.name, "vi"));
  const first = exps[0]!;
  const issuingBody = first.issuer?.issuingBody.trim() || "Đoàn kiểm tra";
  const symbol = first.issuer?.symbol.trim() || "ĐKT";
  const dates = exps.map((e) => e.inspection.signedOn ?? e.inspection.startedOn).sort();
  const date = opts.date ?? dates[dates.length - 1]!;
  const onsite = exps.filter((e) => e.inspection.mode === "onsite").length;
  const desk = exps.length - onsite;
  const lastDay = dates[dates.length - 1];
  const when = dates[0] === lastDay ? `Ngày ${formatDateVi(dates[0])}` : `Từ ngày ${formatDateVi(dates[0])} đến ngày ${formatDateVi(lastDay)}`;
  const how =
    onsite && desk
      ? `${exps.length} cơ quan, trong đó ${onsite} cơ quan kiểm tra tại trụ sở và ${desk} cơ quan kiểm tra qua hồ sơ, báo cáo`
      : onsite
        ? `tại trụ sở ${onsite} cơ quan`
        : `qua hồ sơ, báo cáo ${desk} cơ quan`;

  const rows = exps.map((e, i) => {
    const scored = new Set(orderedCriteria(e.checklist).filter((p) => p.section.scored).map((p) => p.criterion.code));
    const res = e.results.filter((r) => scored.has(r.criterionCode));
    const n = (o: string) => String(res.filter((r) => r.outcome === o).length);
    const ncs = e.findings.filter((f) => !f.deleted && f.kind === "nonconformity").length;
    const acts = e.actions.filter((a) => !a.deleted).length;
    return [String(i + 1), e.agency.name, e.inspection.mode === "onsite" ? "Tại trụ sở" : "Qua hồ sơ", formatDateVi(e.inspection.startedOn), n("conform"), n("partial"), n("nonconform"), String(ncs), String(acts)];
  });

  const blocks: DocumentBlock[] = [
    { kind: "heading", text: "I. KHÁI QUÁT" },
    {
      kind: "paragraph",
      text: `${when}, ${issuingBody} đã kiểm tra ${how}.`,
    },
    { kind: "heading", text: "II. KẾT QUẢ KIỂM TRA" },
    {
      kind: "table",
      table: {
        fontSize: 10.5,
        columns: [
          { header: "TT", width: 9, align: "center" },
          { header: "Cơ quan", width: 44 },
          { header: "Hình thức", width: 18, align: "center" },
          { header: "Ngày", width: 20, align: "center" },
          { header: "Đạt", width: 12, align: "center" },
          { header: "Đạt một phần", width: 15, align: "center" },
          { header: "Không đạt", width: 15, align: "center" },
          { header: "Điểm không phù hợp", width: 17, align: "center" },
          { header: "Hành động khắc phục", width: 15, align: "center" },
        ],
        rows,
      },
    },
    { kind: "heading", text: "III. CÁC VẤN ĐỀ TỒN TẠI VÀ YÊU CẦU KHẮC PHỤC" },
  ];
  let any = false;
  exps.forEach((e) => {
    const fs = e.findings.filter((f) => !f.deleted && f.kind === "nonconformity" && f.text.trim());
    if (fs.length === 0) return;
    any = true;
    blocks.push({ kind: "paragraph", text: `${e.agency.name}:`, style: "bold" });
    for (const f of fs) {
      const acts = e.actions.filter((a) => !a.deleted && a.findingId === f.id);
      // An action without its own date is due when the record says: two months after signing (TT 26 Art. 37).
      const deadline = addMonths(e.inspection.signedOn ?? e.inspection.startedOn, 2);
      const due = acts.map((a) => a.dueOn ?? deadline).sort()[0];
      const fix = acts.map((a) => trimEnd(a.description)).join("; ");
      blocks.push({ kind: "paragraph", text: `- ${f.criterionCode ? `[${f.criterionCode}] ` : ""}${trimEnd(f.text)}.${fix ? ` Khắc phục: ${fix}${due ? ` (hạn ${formatDateVi(due)})` : ""}.` : ""}` });
    }
  });
  if (!any) blocks.push({ kind: "paragraph", text: "Không phát hiện điểm không phù hợp." });
  blocks.push(
    { kind: "heading", text: "IV. KIẾN NGHỊ" },
    {
      kind: "paragraph",
      text: `Đề nghị các cơ quan có điểm không phù hợp thực hiện hành động khắc phục và báo cáo trong thời hạn 02 (hai) tháng kể từ ngày ký Biên bản kiểm tra; ${issuingBody} theo dõi, đánh giá hiệu lực của hành động khắc phục tại lần kiểm tra tiếp theo và đề xuất kiểm tra tại trụ sở đối với các cơ quan kiểm tra qua hồ sơ còn nội dung chưa đáp ứng yêu cầu.`,
    },
  );
  const lead = first.inspection.leadName.trim();
  return {
    meta: { title: "Báo cáo kết quả kiểm tra", author: issuingBody, date },
    header: {
      parentBody: first.issuer?.parentBody ?? "",
      issuingBody,
      numberLine: formatDocNumber(opts.number ?? "", "BC", symbol),
      placeDate: formatPlaceDate(first.issuer?.place.trim() ?? "", date),
    },
    title: "Báo cáo",
    subject: "Kết quả kiểm tra việc áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015",
    blocks,
    closing: {
      signers: [{ heading: opts.signer?.heading ?? ["Trưởng đoàn kiểm tra"], name: opts.signer?.name ?? lead }],
      recipients: [`${issuingBody} (để báo cáo)`, `Lưu: VT, ${symbol}`],
    },
  };
}

function trimEnd(s: string): string {
  return s.trim().replace(/[.;,\s]+$/u, "");
}
