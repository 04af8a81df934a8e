import type { DostDashboard } from "../../domain/dostDashboard";
import type { DostSummary } from "../../domain/dostSummary";
import { OUTCOME_LABELS_VI } from "../../domain/outcome";
import type { DocumentBlock, DocumentModel } from "../pdf/DocumentModel";
import { dostHeader } from "./dostHeader";
import { dostSigner } from "./dostSigner";
import type { DostIssuer } from "../../domain/DostIssuer";
import { DOST_LEGAL_BASES } from "./dostLegalBases";
import { issuerDraftingUnit } from "./issuerDraftingUnit";
import { yearReportFigures, type AdoptionCount } from "./yearReportFigures";

export type YearReportKind = "province" | "ministry";

/**
 * The yearly report: to the provincial people's committee in November (TT 26/2014 Art. 38) or to the Ministry of
 * Science and Technology in December (QĐ 19/2014 Art. 12.6). Built from the summary and dashboard of the year.
 */
export function buildYearReportModel(kind: YearReportKind, s: DostSummary, d: DostDashboard, issuer: DostIssuer, opts: { number?: string; date?: string; adoption?: AdoptionCount[] } = {}): DocumentModel {
  const f = yearReportFigures(s, d, opts.adoption ?? []);
  const to = kind === "province" ? `Ủy ban nhân dân tỉnh ${issuer.provinceName}` : "Bộ Khoa học và Công nghệ";
  const n = (x: number) => String(x);
  const blocks: DocumentBlock[] = [
    { kind: "paragraph", indent: true, text: `Thực hiện Kế hoạch kiểm tra năm ${s.year}, ${issuer.inspectingUnit} đã tiến hành kiểm tra việc áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng tại các cơ quan hành chính nhà nước trên địa bàn tỉnh. ${issuer.issuingBodyName} báo cáo kết quả như sau:` },
    { kind: "heading", text: "I. TÌNH HÌNH THỰC HIỆN KẾ HOẠCH KIỂM TRA" },
    { kind: "table", table: { columns: [{ header: "Chỉ tiêu", width: 120 }, { header: "Số liệu", width: 45, align: "center" }], rows: f.overview.map(([k, v]) => [k, String(v)]) } },
    { kind: "heading", text: "II. KẾT QUẢ KIỂM TRA THEO NỘI DUNG" },
    {
      kind: "table",
      table: {
        columns: [{ header: "Mã", width: 15 }, { header: "Nội dung", width: 54 }, ...(["conform", "partial", "nonconform", "observation", "na"] as const).map((o) => ({ header: OUTCOME_LABELS_VI[o], width: 16, align: "center" as const })), { header: "Tỷ lệ chưa đạt", width: 16, align: "center" }],
        rows: f.criteria.map((c) => [c.code, c.title ?? "", n(c.conform), n(c.partial), n(c.nonconform), n(c.observation), n(c.na), c.failRate]),
        fontSize: 10,
      },
    },
    {
      kind: "paragraph",
      indent: true,
      text: f.worst.length > 0
        ? `Các nội dung có nhiều cơ quan chưa đáp ứng yêu cầu nhất: ${f.worst.map((c) => `${c.code}${c.title ? ` “${c.title}”` : ""} (${c.nonconform + c.partial} lượt, ${c.failRate})`).join("; ")}.`
        : "Không có nội dung nào bị đánh giá chưa đạt.",
    },
    { kind: "heading", text: "III. KẾT QUẢ THEO LOẠI CƠ QUAN" },
    {
      kind: "table",
      table: {
        columns: [{ header: "Loại cơ quan", width: 55 }, ...(["conform", "partial", "nonconform", "observation", "na"] as const).map((o) => ({ header: OUTCOME_LABELS_VI[o], width: 22, align: "center" as const }))],
        rows: f.byKind.map((k) => [k.kind, n(k.conform), n(k.partial), n(k.nonconform), n(k.observation), n(k.na)]),
        fontSize: 10,
      },
    },
    { kind: "heading", text: "IV. THEO DÕI HÀNH ĐỘNG KHẮC PHỤC" },
    { kind: "table", table: { columns: [{ header: "Tình trạng", width: 120 }, { header: "Số lượng", width: 45, align: "center" }], rows: [...f.actions.map((a) => [a.status, n(a.count)]), ["Quá hạn báo cáo (quá 02 tháng)", n(f.overdue)]] } },
    {
      kind: "paragraph",
      indent: true,
      text: f.notices.length > 0
        ? `Đã ban hành ${f.notices.length} thông báo chưa chấp nhận hành động khắc phục: ${f.notices.map((x) => `${x.agencyName}${x.noticeNumber ? ` (số ${x.noticeNumber})` : ""}`).join("; ")}.`
        : "Không có thông báo chưa chấp nhận hành động khắc phục.",
    },
  ];
  if (kind === "ministry" && f.adoption.length > 0) {
    blocks.push(
      { kind: "heading", text: "V. TÌNH HÌNH XÂY DỰNG, ÁP DỤNG HỆ THỐNG QUẢN LÝ CHẤT LƯỢNG" },
      {
        kind: "table",
        table: {
          columns: [{ header: "Lộ trình (năm)", width: 55 }, { header: "Số cơ quan", width: 55, align: "center" }, { header: "Đã công bố", width: 55, align: "center" }],
          rows: f.adoption.map((a) => [a.cohortYear === null ? "Khác" : String(a.cohortYear), n(a.agencies), n(a.declared)]),
        },
      },
    );
  }
  blocks.push(
    { kind: "heading", text: `${kind === "ministry" && f.adoption.length > 0 ? "VI" : "V"}. KIẾN NGHỊ` },
    {
      kind: "paragraph",
      indent: true,
      text: kind === "province"
        ? `Đề nghị ${to} chỉ đạo các cơ quan còn tồn tại khẩn trương khắc phục và báo cáo đúng thời hạn; tiếp tục quan tâm bố trí kinh phí duy trì, cải tiến Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015./.`
        : `Đề nghị Bộ Khoa học và Công nghệ tiếp tục hướng dẫn việc áp dụng Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2015 tại các cơ quan, đơn vị sau khi sắp xếp đơn vị hành chính và tổ chức chính quyền địa phương hai cấp; tổ chức tập huấn nghiệp vụ kiểm tra cho công chức thực hiện nhiệm vụ./.`,
    },
  );
  return {
    meta: { title: `Báo cáo kết quả kiểm tra năm ${s.year}`, author: issuer.issuingBody, ...(opts.date ? { date: opts.date } : {}) },
    header: dostHeader(issuer, "BC", opts.number, opts.date),
    title: "BÁO CÁO",
    subject: kind === "province"
      ? `Kết quả kiểm tra việc áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng năm ${s.year}`
      : `Tình hình áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 tại các cơ quan hành chính nhà nước tỉnh ${issuer.provinceName} năm ${s.year}`,
    addressees: [to],
    legalBases: [...DOST_LEGAL_BASES],
    blocks,
    closing: {
      signers: [dostSigner(issuer)],
      recipients: kind === "province" ? ["Như trên", "Bộ Khoa học và Công nghệ (để báo cáo)", `Lưu: VT, ${issuerDraftingUnit(issuer)}`] : ["Như trên", `UBND tỉnh ${issuer.provinceName} (để báo cáo)`, `Lưu: VT, ${issuerDraftingUnit(issuer)}`],
    },
  };
}
