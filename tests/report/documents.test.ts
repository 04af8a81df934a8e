import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InspectionExportSchema } from "../../src/domain/inspectionExport";
import { buildDeskReviewLetterModel } from "../../src/report/letter/buildDeskReviewLetterModel";
import { DEFAULT_DOST_ISSUER } from "../../src/domain/DostIssuer";
import { renderDeskReviewLetter } from "../../src/report/renderDeskReviewLetter";
import { renderInspectionRecord } from "../../src/report/renderInspectionRecord";
import { renderTeamReport } from "../../src/report/renderTeamReport";
import { buildTeamReportModel } from "../../src/report/team/buildTeamReportModel";
import { pdfBbox, pdfBodyText, pdfFonts, squash } from "./fixtures/poppler";
import { sampleExport } from "./fixtures/sampleExport";

const dir = mkdtempSync(join(tmpdir(), "report-docs-"));
const exp = InspectionExportSchema.parse(sampleExport({ criteria: 16 }));

describe("desk-review letter", () => {
  it("lists exactly the partial and nonconform criteria and asks for a fix by a date two months on", async () => {
    // One criterion with several activities (the 30-criterion sample has them) is among the unmet ones.
    const exp = InspectionExportSchema.parse(sampleExport({ criteria: 30 }));
    const several = exp.checklist.sections[0]!.items.flatMap((i) => i.criteria).find((c) => c.activities.length > 1)!.code;
    const results = exp.results.map((r) => (r.criterionCode === several ? { ...r, outcome: "partial" as const, severity: null } : r));
    const desk = { ...exp, results, inspection: { ...exp.inspection, mode: "desk" as const, recordNumber: "" } };
    const m = buildDeskReviewLetterModel(desk, { number: "45" });
    const unmet = results.filter((r) => r.outcome === "partial" || r.outcome === "nonconform").map((r) => r.criterionCode);
    const table = m.blocks.find((b) => b.kind === "table");
    const cells = table?.kind === "table" ? table.table.rows.map((r) => ("span" in r ? "" : r[1]!)) : [];
    expect(cells.map((c) => c.split(/\.\s/u)[0])).toEqual(unmet);
    // A criterion with several activities lists them under its code, not after it ("I.1.3. - …").
    const criteria = new Map(exp.checklist.sections.flatMap((s) => s.items.flatMap((i) => i.criteria)).map((c) => [c.code, c]));
    const expected = unmet.map((code) => {
      const acts = criteria.get(code)!.activities;
      return acts.length > 1 ? `${code}.\n${acts.map((a) => `- ${a}`).join("\n")}` : `${code}. ${acts[0]}`;
    });
    expect(cells).toEqual(expected);
    expect(expected.filter((c) => c.includes("\n- ")).length).toBeGreaterThan(0);
    const file = join(dir, "letter.pdf");
    const issuer = { ...DEFAULT_DOST_ISSUER, signer: { heading: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], name: "Nguyễn Văn Bình" }, letterRecipients: ["Giám đốc Sở (để báo cáo)"] };
    writeFileSync(file, await renderDeskReviewLetter(desk, { number: "45", issuer }));
    const text = squash(pdfBodyText(file));
    // The inspecting unit's công văn (TT 26 Art. 37.1.a), not the team's.
    for (const s of [
      "UBND TỈNH THANH HÓA",
      "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
      "Số: 45/SKHCN-TĐC",
      "V/v đề nghị thực hiện, khắc phục các nội dung chưa đáp ứng yêu cầu",
      "Kính gửi: Ủy ban nhân dân xã Mường Lát",
      `còn ${unmet.length} nội dung chưa đáp ứng yêu cầu`,
      "báo cáo kết quả về Sở Khoa học và Công nghệ trước ngày 05/4/2026",
      "KT. GIÁM ĐỐC",
      "PHÓ GIÁM ĐỐC",
      "Nguyễn Văn Bình",
      "Nơi nhận:",
      "- Như trên;",
      "- Giám đốc Sở (để báo cáo);",
      "- Lưu: VT, TĐC.",
    ])
      expect(text.includes(s), s).toBe(true);
    for (const s of ["TRƯỞNG ĐOÀN", "/ĐKT", "Lưu: VT, ĐKT", "ĐOÀN KIỂM TRA"]) expect(text.includes(s), s).toBe(false);
    // One signer: "Nơi nhận" on the left, level with the signature block on the right; the last paragraph on
    // the signature's page.
    const last = pdfBbox(file).at(-1)!;
    const noi = last.words.find((w) => w.text === "Nơi")!;
    const kt = last.words.find((w) => w.text === "KT.")!;
    expect(noi.xMin).toBeLessThan(100);
    expect(kt.xMin).toBeGreaterThan(last.width / 2);
    expect(Math.abs(noi.yMin - kt.yMin)).toBeLessThan(4);
    expect(squash(last.words.map((w) => w.text).join(" "))).toContain("Các nội dung này sẽ được kiểm tra trong các cuộc kiểm tra tiếp theo./.");
  });

  it("keeps its last paragraph with the signature wherever the table ends (a signature never stands alone)", async () => {
    const base = InspectionExportSchema.parse(sampleExport({ criteria: 30 }));
    const desk = { ...base, inspection: { ...base.inspection, mode: "desk" as const } };
    let moved = 0;
    for (let n = 0; n < 30; n += 2) {
      const results = desk.results.map((r, i) => (i < n ? { ...r, outcome: "nonconform" as const, severity: "minor" as const, note: "Hồ sơ chưa đầy đủ theo quy định." } : r));
      const f = join(dir, `letter-${n}.pdf`);
      writeFileSync(f, await renderDeskReviewLetter({ ...desk, results }, { issuer: DEFAULT_DOST_ISSUER }));
      const pages = pdfBbox(f);
      const last = squash(pages.at(-1)!.words.map((w) => w.text).join(" "));
      expect(last, `n=${n}`).toMatch(/Đề nghị Ủy ban nhân dân xã Mường Lát .*\/\. .*KT\. GIÁM ĐỐC/u);
      if (pages.length > 1 && !squash(pages.at(-2)!.words.map((w) => w.text).join(" ")).includes("Đề nghị Ủy ban nhân dân xã Mường Lát")) moved++;
    }
    expect(moved).toBeGreaterThan(0);
  });

  it("is refused for an on-site inspection, and the record is refused for a desk review", async () => {
    await expect(renderDeskReviewLetter(exp)).rejects.toThrow(/desk review/u);
    await expect(renderInspectionRecord({ ...exp, inspection: { ...exp.inspection, mode: "desk" } })).rejects.toThrow(/has no inspection record/u);
  });

  it("says everything meets requirements when nothing is partial or nonconform", () => {
    const allGood = { ...exp, inspection: { ...exp.inspection, mode: "desk" as const }, results: exp.results.map((r) => ({ ...r, outcome: "conform" as const, severity: null })) };
    const m = buildDeskReviewLetterModel(allGood);
    expect(m.blocks.some((b) => b.kind === "table")).toBe(false);
    expect(m.blocks.map((b) => (b.kind === "paragraph" ? b.text : "")).join(" ")).toContain("cơ bản đáp ứng yêu cầu");
    expect(m.closing.statement).toContain("tiếp tục duy trì và cải tiến");
  });
});

describe("team report", () => {
  const other = {
    ...exp,
    agency: { ...exp.agency, id: "ag-2", name: "Ủy ban nhân dân phường Hạc Thành" },
    inspection: { ...exp.inspection, startedOn: "2026-03-10", signedOn: "2026-03-10", recordNumber: "13", recommendations: "Đề nghị phường bổ sung hồ sơ đánh giá nội bộ." },
    actions: exp.actions.map((a, i) => (i === 0 ? { ...a, status: "reported" as const, agencyReport: "Đã tổ chức đánh giá nội bộ", reportNumber: "25/BC-UBND", reportedOn: "2026-04-20" } : a)),
  };

  it("is the team's report to the inspecting unit: header SỞ … / ĐOÀN KIỂM TRA, on-site records, the agencies' corrective-action reports", async () => {
    const file = join(dir, "team.pdf");
    writeFileSync(file, await renderTeamReport([other, exp], { number: "7", issuer: DEFAULT_DOST_ISSUER }));
    const text = squash(pdfBodyText(file));
    for (const s of [
      "SỞ KHOA HỌC VÀ CÔNG NGHỆ ĐOÀN KIỂM TRA",
      "Số: 07/BC-ĐKT",
      "Thanh Hóa, ngày 10 tháng 3 năm 2026",
      "BÁO CÁO",
      "Kính gửi: Chi cục Tiêu chuẩn Đo lường Chất lượng",
      "Từ ngày 05/02/2026 đến ngày 10/3/2026, Đoàn kiểm tra theo Quyết định số 15/QĐ-SKHCN đã kiểm tra tại trụ sở 2 cơ quan",
      "Ủy ban nhân dân phường Hạc Thành",
      "IV. BÁO CÁO THỰC HIỆN HÀNH ĐỘNG KHẮC PHỤC CỦA CÁC CƠ QUAN",
      "Số 25/BC-UBND ngày 20/4/2026: Đã tổ chức đánh giá nội bộ",
      "V. KIẾN NGHỊ",
      "- Ủy ban nhân dân phường Hạc Thành: Đề nghị phường bổ sung hồ sơ đánh giá nội bộ.",
      "TRƯỞNG ĐOÀN",
      "Nơi nhận:",
    ])
      expect(text.includes(s), s).toBe(true);
    // Nothing said for the team that it did not type, and never the Sở's words in the team's mouth.
    expect(text).not.toContain("Đề nghị các cơ quan có điểm không phù hợp");
    const rows = buildTeamReportModel([other, exp]).blocks.find((b) => b.kind === "table");
    const nc = String(exp.findings.filter((f) => f.kind === "nonconformity").length);
    const conform = String(exp.results.filter((r) => r.outcome === "conform").length);
    expect(rows?.kind === "table" && rows.table.rows[0]).toEqual(["1", "Ủy ban nhân dân xã Mường Lát", "12, 05/02/2026", conform, expect.any(String), expect.any(String), nc]);
    expect(pdfFonts(file).every((f) => f.embedded)).toBe(true);
  });

  it("covers on-site inspections only, and leaves KIẾN NGHỊ to be written when no record has one", async () => {
    const desk = { ...exp, inspection: { ...exp.inspection, mode: "desk" as const } };
    await expect(renderTeamReport([exp, desk])).rejects.toThrow(/on-site inspections only/u);
    const m = buildTeamReportModel([exp]);
    const i = m.blocks.findIndex((b) => b.kind === "heading" && b.text === "V. KIẾN NGHỊ");
    expect(m.blocks[i + 1]).toEqual({ kind: "dotted", lines: 3 });
  });

  it("gives every corrective action its due date, two months after signing when it has none, on a working day", () => {
    const withoutDates = { ...exp, actions: exp.actions.map((a) => ({ ...a, dueOn: null })) };
    const lines = buildTeamReportModel([withoutDates]).blocks.flatMap((b) => (b.kind === "paragraph" && b.text.includes("Hành động khắc phục:") ? [b.text] : []));
    expect(lines).toHaveLength(exp.findings.filter((f) => f.kind === "nonconformity").length);
    // Signed 05/02/2026 → 05/4/2026 is a Sunday: due Monday 06/4.
    for (const l of lines) expect(l).toMatch(/\(hạn báo cáo 06\/4\/2026\)\.$/u);
  });

  it("refuses an empty set", async () => {
    await expect(renderTeamReport([])).rejects.toThrow(/no inspections/u);
  });
});
