import type { Agency } from "../../domain/agency";
import type { Plan } from "../../domain/plan";
import { deepNfc } from "../pdf/deepNfc";
import type { DocumentModel } from "../pdf/DocumentModel";
import { dostHeader } from "./dostHeader";
import { dostSigner } from "./dostSigner";
import type { DostIssuer } from "../../domain/DostIssuer";
import { DOST_LEGAL_BASES } from "./dostLegalBases";
import { issuerDraftingUnit } from "./issuerDraftingUnit";

export const MODE_LABELS_VI = { desk: "Qua hồ sơ, báo cáo", onsite: "Tại trụ sở" } as const;

export interface PlanTableRow {
  tt: string;
  agency: string;
  parent: string;
  mode: string;
  team: string;
  month: string;
}

/** The plan's entries as table rows, ordered by month, then form (on site first), then agency name. */
export function planTableRows(plan: Plan, agencies: readonly Agency[], teamNames: ReadonlyMap<string, string>): PlanTableRow[] {
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const sorted = [...plan.entries].sort(
    (a, b) => a.month - b.month || (a.mode === b.mode ? 0 : a.mode === "onsite" ? -1 : 1) || (byId.get(a.agencyId)?.name ?? a.agencyId).localeCompare(byId.get(b.agencyId)?.name ?? b.agencyId, "vi"),
  );
  return sorted.map((e, i) => {
    const a = byId.get(e.agencyId);
    return {
      tt: String(i + 1),
      agency: a?.name ?? e.agencyId,
      parent: (a?.parentId && byId.get(a.parentId)?.name) || "",
      mode: MODE_LABELS_VI[e.mode],
      team: teamNames.get(e.teamId) ?? e.teamId,
      // As the provinces' plans write it: "Tháng 5/2023".
      month: `Tháng ${e.month}/${plan.year}`,
    };
  });
}

/** The on-site share in words as plans state it: "một phần ba (1/3)", "một nửa (1/2)", else "40%" (decimal comma). */
function shareText(share: number): string {
  if (Math.abs(share - 1 / 3) < 1e-9) return "một phần ba (1/3)";
  if (share === 0.5) return "một nửa (1/2)";
  return `${String(Math.round(share * 1000) / 10).replace(".", ",")}%`;
}

/** The yearly inspection plan (TT 26/2014 Art. 34, form Mẫu 19 KHKT) as a document model. */
export function buildPlanModel(raw: Plan, agencies: readonly Agency[], teamNames: ReadonlyMap<string, string>, issuer: DostIssuer, opts: { number?: string; date?: string } = {}): DocumentModel {
  const plan = deepNfc(raw);
  const rows = planTableRows(plan, agencies, teamNames);
  const desk = new Set(plan.entries.filter((e) => e.mode === "desk").map((e) => e.agencyId)).size;
  const onsite = new Set(plan.entries.filter((e) => e.mode === "onsite").map((e) => e.agencyId)).size;
  const share = shareText(plan.onsiteShare);
  return {
    meta: { title: `Kế hoạch kiểm tra năm ${plan.year}`, author: issuer.issuingBody, ...(opts.date ? { date: opts.date } : {}) },
    header: dostHeader(issuer, "KH", opts.number, opts.date),
    title: "KẾ HOẠCH KIỂM TRA",
    subject: `Việc áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 tại các cơ quan hành chính nhà nước trên địa bàn tỉnh ${issuer.provinceName} năm ${plan.year}`,
    legalBases: [...DOST_LEGAL_BASES],
    blocks: [
      { kind: "heading", text: "I. MỤC ĐÍCH, YÊU CẦU" },
      { kind: "paragraph", indent: true, text: "Đánh giá việc xây dựng, áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng của các cơ quan, đơn vị; kịp thời hướng dẫn, chấn chỉnh các tồn tại; bảo đảm khách quan, đúng quy định, không gây cản trở hoạt động bình thường của cơ quan được kiểm tra." },
      { kind: "heading", text: "II. ĐỐI TƯỢNG, NỘI DUNG, HÌNH THỨC VÀ THỜI GIAN KIỂM TRA" },
      { kind: "paragraph", indent: true, text: `Nội dung kiểm tra theo Điều 36 Thông tư số 26/2014/TT-BKHCN. Kiểm tra qua hồ sơ, báo cáo đối với ${desk} cơ quan; kiểm tra tại trụ sở đối với ${onsite} cơ quan (tối thiểu ${share} số cơ quan thuộc diện kiểm tra).` },
      {
        kind: "table",
        table: {
          columns: [
            { header: "TT", width: 10, align: "center" },
            { header: "Cơ quan được kiểm tra", width: 55 },
            { header: "Đơn vị chủ quản", width: 35 },
            { header: "Hình thức", width: 25 },
            { header: "Đoàn kiểm tra", width: 20 },
            { header: "Thời gian", width: 20, align: "center" },
          ],
          rows: rows.map((r) => [r.tt, r.agency, r.parent, r.mode, r.team, r.month]),
          fontSize: 10,
        },
      },
      // TT 26 Art. 34.2.đ: the plan states the budget of the inspections.
      { kind: "heading", text: "III. KINH PHÍ" },
      { kind: "paragraph", indent: true, text: `Kinh phí thực hiện kiểm tra được bố trí từ nguồn ngân sách nhà nước giao cho ${issuer.issuingBodyName} năm ${plan.year} và các nguồn hợp pháp khác theo quy định hiện hành.` },
      { kind: "heading", text: "IV. TỔ CHỨC THỰC HIỆN" },
      { kind: "paragraph", indent: true, text: `${issuer.inspectingUnit} chủ trì, phối hợp với các cơ quan liên quan triển khai kiểm tra theo Kế hoạch; tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh trong tháng 11 và Bộ Khoa học và Công nghệ trong tháng 12 năm ${plan.year}.` },
      { kind: "paragraph", indent: true, text: "Các cơ quan được kiểm tra chuẩn bị báo cáo, hồ sơ và bố trí người làm việc với Đoàn kiểm tra theo thời gian nêu trên./." },
    ],
    closing: {
      signers: [dostSigner(issuer)],
      recipients: ["UBND tỉnh (để báo cáo)", "Các cơ quan được kiểm tra", `Lưu: VT, ${issuerDraftingUnit(issuer)}`],
    },
  };
}
