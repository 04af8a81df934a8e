import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { BUILTIN_CHECKLISTS } from "../../src/checklists/builtinChecklists";
import type { DostDashboard } from "../../src/domain/dostDashboard";
import type { DostSummary } from "../../src/domain/dostSummary";
import { buildNoticeModel } from "../../src/report/dost/buildNoticeModel";
import { buildPlanModel } from "../../src/report/dost/buildPlanModel";
import { buildYearReportModel } from "../../src/report/dost/buildYearReportModel";
import { DEFAULT_DOST_ISSUER } from "../../src/domain/DostIssuer";
import { planXlsx } from "../../src/report/dost/planXlsx";
import { renderDostPdf } from "../../src/report/dost/renderDostPdf";
import { yearReportXlsx } from "../../src/report/dost/yearReportXlsx";
import { provinceFixture } from "./support/provinceFixture";

const dir = mkdtempSync(join(tmpdir(), "dost-pdf-"));
function pdfText(bytes: Uint8Array, name: string): string {
  const f = join(dir, name);
  writeFileSync(f, bytes);
  return execFileSync("pdftotext", ["-layout", f, "-"], { encoding: "utf8" }).normalize("NFC");
}
const flat = (s: string) => s.replace(/\s+/g, " ");
function xlsxText(bytes: Uint8Array): string {
  const files = unzipSync(bytes);
  return Object.entries(files).filter(([k]) => k.startsWith("xl/worksheets/")).map(([, v]) => strFromU8(v)).join("\n");
}

const fx = provinceFixture(7);
const IA1 = BUILTIN_CHECKLISTS.find((c) => c.id === "tt26-dieu-36")!.sections[0]!.items[0]!.criteria[0]!.activities[0]!;
const teams = new Map([["t1", "Đoàn 1"], ["t2", "Đoàn 2"], ["t3", "Đoàn 3"]]);

describe("DOST documents", () => {
  it("the plan PDF (Mẫu 19) has the official header, every entry, and Vietnamese text intact; XLSX has every row", () => {
    const model = buildPlanModel(fx.model.plan, fx.model.agencies, teams, DEFAULT_DOST_ISSUER, { number: "15", date: "2026-01-05" });
    const text = flat(pdfText(renderDostPdf(model), "plan.pdf"));
    for (const s of ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "UBND TỈNH THANH HÓA", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 15/KH-SKHCN", "Thanh Hóa, ngày 05 tháng 01 năm 2026", "KẾ HOẠCH KIỂM TRA", "Nơi nhận", "KT. GIÁM ĐỐC"]) {
      expect(text).toContain(s);
    }
    expect(text).toContain("UBND xã Đồng Lương");
    expect(text).toContain("Tại trụ sở");
    // Art. 34.2: the share in words, and the budget section.
    expect(text).toContain(`(tối thiểu ${fx.model.plan.onsiteShare === 0.5 ? "một nửa (1/2)" : "một phần ba (1/3)"} số cơ quan thuộc diện kiểm tra)`);
    expect(text).toContain("III. KINH PHÍ Kinh phí thực hiện kiểm tra được bố trí từ nguồn ngân sách nhà nước giao cho Sở Khoa học và Công nghệ năm 2026");
    expect(text).toContain("IV. TỔ CHỨC THỰC HIỆN");
    const xlsx = xlsxText(planXlsx(fx.model.plan, fx.model.agencies, teams));
    expect((xlsx.match(/<row /g) ?? []).length).toBe(fx.model.plan.entries.length + 1);
    expect(xlsx).toContain("UBND xã Mường Lát");
  });

  it("the notice of non-acceptance speaks as the Sở, once per agency listing its actions, with no 'Kính gửi'", () => {
    const model = buildNoticeModel(
      {
        agencyName: "UBND xã Mường Lý",
        inspection: { recordNumber: "12/BB-ĐKT", signedOn: "2026-06-15", startedOn: "2026-06-14" },
        actions: [
          { action: { description: "Cập nhật quy trình tiếp nhận hồ sơ", agencyReport: "Đã ban hành lại quy trình", reportedOn: "2026-09-01", reportNumber: "25/BC-UBND", decisionNote: "Chưa có bằng chứng áp dụng" }, finding: { criterionCode: "I.d.1", text: "I.d.1: Quy trình không được tuân thủ" } },
          { action: { description: "Tổ chức đánh giá nội bộ", agencyReport: "Đã lập kế hoạch", reportedOn: "2026-09-01", reportNumber: "25/BC-UBND", decisionNote: "Chưa thực hiện" }, finding: { criterionCode: "I.đ.1", text: "Chưa đánh giá nội bộ năm 2026" } },
        ],
        number: "27",
        date: "2026-10-05",
      },
      DEFAULT_DOST_ISSUER,
    );
    const text = flat(pdfText(renderDostPdf(model), "notice.pdf"));
    for (const s of [
      "Số: 27/TB-SKHCN", "THÔNG BÁO", "Chưa chấp nhận hành động khắc phục",
      "Qua xem xét báo cáo thực hiện hành động khắc phục (báo cáo số 25/BC-UBND ngày 01/9/2026) của UBND xã Mường Lý đối với các vấn đề tồn tại nêu tại Biên bản kiểm tra số 12/BB-ĐKT ngày 15/6/2026, Sở Khoa học và Công nghệ thông báo chưa chấp nhận 2 hành động khắc phục sau đây:",
      "1. Quy trình không được tuân thủ", "2. Chưa đánh giá nội bộ năm 2026", "Lý do chưa chấp nhận: Chưa có bằng chứng áp dụng", "Lý do chưa chấp nhận: Chưa thực hiện",
      "Sở Khoa học và Công nghệ đề nghị UBND xã Mường Lý tiếp tục thực hiện hành động khắc phục các vấn đề tồn tại nêu trên và báo cáo kết quả trước ngày 05/12/2026",
      "- UBND xã Mường Lý;", "- Lưu: VT, TĐC.",
      "Tiêu chuẩn quốc gia TCVN ISO 9001:2008 vào hoạt động",
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain("Kính gửi");
    expect(text).not.toContain("I.d.1:");
    expect(text.split("THÔNG BÁO").length - 1).toBe(1);
  });

  it("the November and December reports carry the year's figures; XLSX guards against formulas", () => {
    const summary: DostSummary = {
      year: 2026, province: "thanh-hoa",
      inspections: { onsite: 12, desk: 40, finalized: 30, draft: 15, submitted: 7 },
      criteria: [
        { code: "I.a.1", title: IA1, conform: 20, partial: 3, nonconform: 7, observation: 0, na: 0 },
        { code: "I.d.1", title: "Quy trình được tuân thủ", conform: 28, partial: 1, nonconform: 1, observation: 0, na: 0 },
        { code: "II.z.9", conform: 2, partial: 0, nonconform: 0, observation: 0, na: 0 },
      ],
      actions: { open: 4, reported: 3, accepted: 2, not_accepted: 1, verified: 1, overdue: 3 },
    };
    const dash: DostDashboard = {
      year: 2026, province: "thanh-hoa", today: "2026-11-15",
      coverage: { planned: 60, plannedOnsite: 20, plannedDesk: 40, started: 50, finalized: 30, unplanned: 2 },
      byFormStatus: [], byKind: [{ code: "I.a.1", group: "commune_committee", groupName: "commune_committee", conform: 20, partial: 3, nonconform: 7, observation: 0, na: 0 }],
      byParent: [], actionsByStatus: {}, overdue: [], conflicts: [],
      notices: [{ actionId: "a1", inspectionId: "i1", agencyId: "g", agencyName: "UBND xã Trung Lý", status: "not_accepted", dueOn: null, noticeNumber: "27/TB-SKHCN", decisionNote: "=HYPERLINK(\"x\")", description: "Khắc phục" }],
    };
    const nov = flat(pdfText(renderDostPdf(buildYearReportModel("province", summary, dash, DEFAULT_DOST_ISSUER, { number: "88", date: "2026-11-20" })), "nov.pdf"));
    for (const s of ["Số: 88/BC-SKHCN", "BÁO CÁO", "Kính gửi: Ủy ban nhân dân tỉnh Thanh Hóa", "năm 2026", "Tỷ lệ hoàn thành so với kế hoạch 50%", `I.a.1 “${IA1}” (10 lượt, 33,3%)`, "I.d.1 “Quy trình được tuân thủ” (2 lượt, 6,7%)", "UBND xã", "UBND xã Trung Lý (số 27/TB-SKHCN)", "Quá hạn báo cáo"]) {
      expect(nov).toContain(s);
    }
    // The criteria table: code, then the criterion's title from its checklist (none known: the code alone).
    expect(nov).toContain("Mã Nội dung Đạt");
    expect(nov).toContain("I.d.1 Quy trình được tuân thủ 28 1 1 0 0 6,7%");
    expect(nov).toContain("II.z.9 2 0 0 0 0 0%");
    expect(nov).toContain("Phạm vi áp dụng trong quyết định công bố");
    const dec = flat(pdfText(renderDostPdf(buildYearReportModel("ministry", summary, dash, DEFAULT_DOST_ISSUER, { date: "2026-12-10", adoption: [{ cohortYear: 2022, agencies: 32, declared: 30 }] })), "dec.pdf"));
    expect(dec).toContain("Kính gửi: Bộ Khoa học và Công nghệ");
    expect(dec).toContain("TÌNH HÌNH XÂY DỰNG, ÁP DỤNG");
    expect(dec).toContain("I.d.1 Quy trình được tuân thủ 28 1 1 0 0 6,7%");
    expect(dec).not.toContain("Kính gửi: Ủy ban nhân dân tỉnh");
    // The recommendations are addressed to whom the report goes.
    expect(nov).toContain("Đề nghị Ủy ban nhân dân tỉnh Thanh Hóa chỉ đạo");
    expect(dec).toContain("Đề nghị Bộ Khoa học và Công nghệ tiếp tục hướng dẫn");
    expect(dec).not.toContain("Đề nghị Bộ Khoa học và Công nghệ chỉ đạo");
    const x = xlsxText(yearReportXlsx(summary, dash));
    expect(x).toContain("UBND xã Trung Lý");
    // Each row's cells by column letter (an empty cell is left out of the sheet, so its column reads "").
    const cells = (row: string) => {
      const out: string[] = [];
      for (const m of row.matchAll(/<c r="([A-Z])\d+"[^>]*>(?:<is><t[^>]*>([^<]*)<\/t><\/is>|<v>([^<]*)<\/v>)<\/c>/g)) out[m[1]!.charCodeAt(0) - 65] = m[2] ?? m[3]!;
      return Array.from(out, (v) => v ?? "");
    };
    const rows = [...x.matchAll(/<row [^>]*>(.*?)<\/row>/gs)].map((m) => cells(m[1]!));
    expect(rows).toContainEqual(["Mã", "Nội dung", "Đạt", "Đạt một phần", "Không đạt", "Lưu ý", "Không áp dụng", "Tỷ lệ chưa đạt"]);
    expect(rows).toContainEqual(["I.a.1", IA1, "20", "3", "7", "0", "0", "33,3%"]);
    expect(rows).toContainEqual(["II.z.9", "", "2", "0", "0", "0", "0", "0%"]);
    // A formula-looking note is stored as quote-prefixed text, never as a formula.
    expect(x).not.toContain("<f>");
    expect(x).toMatch(/s="2"><is><t xml:space="preserve">=HYPERLINK/);
  });
});
