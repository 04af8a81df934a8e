import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InspectionExportSchema } from "../../src/domain/inspectionExport";
import { buildDeskReviewLetterModel } from "../../src/report/letter/buildDeskReviewLetterModel";
import { renderDeskReviewLetter } from "../../src/report/renderDeskReviewLetter";
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
    writeFileSync(file, await renderDeskReviewLetter(desk, { number: "45" }));
    const text = squash(pdfBodyText(file));
    for (const s of [
      "Số: 45/ĐKT",
      "V/v đề nghị thực hiện, khắc phục các nội dung chưa đáp ứng yêu cầu",
      "Kính gửi: Ủy ban nhân dân xã Mường Lát",
      `còn ${unmet.length} nội dung chưa đáp ứng yêu cầu`,
      "báo cáo kết quả về Sở Khoa học và Công nghệ trước ngày 05/04/2026",
      "TRƯỞNG ĐOÀN KIỂM TRA",
      "Lê Thị Ngọc Ánh",
      "Nơi nhận:",
      "- Như trên;",
      "- Lưu: VT, ĐKT.",
    ])
      expect(text.includes(s), s).toBe(true);
    // One signer: "Nơi nhận" on the left, level with the signature block on the right.
    const last = pdfBbox(file).at(-1)!;
    const noi = last.words.find((w) => w.text === "Nơi")!;
    const truong = last.words.find((w) => w.text === "TRƯỞNG")!;
    expect(noi.xMin).toBeLessThan(100);
    expect(truong.xMin).toBeGreaterThan(last.width / 2);
    expect(Math.abs(noi.yMin - truong.yMin)).toBeLessThan(4);
  });

  it("says everything meets requirements when nothing is partial or nonconform", () => {
    const allGood = { ...exp, results: exp.results.map((r) => ({ ...r, outcome: "conform" as const, severity: null })) };
    const m = buildDeskReviewLetterModel(allGood);
    expect(m.blocks.some((b) => b.kind === "table")).toBe(false);
    expect(m.blocks.map((b) => (b.kind === "paragraph" ? b.text : "")).join(" ")).toContain("cơ bản đáp ứng yêu cầu");
  });
});

describe("team report", () => {
  it("summarises several inspections with counts per agency, in Tinos with every face embedded", async () => {
    const other = {
      ...exp,
      agency: { ...exp.agency, id: "ag-2", name: "Ủy ban nhân dân phường Hạc Thành" },
      inspection: { ...exp.inspection, mode: "desk" as const, startedOn: "2026-03-10", signedOn: "2026-03-10" },
    };
    const file = join(dir, "team.pdf");
    writeFileSync(file, await renderTeamReport([other, exp], { number: "7" }));
    const text = squash(pdfBodyText(file));
    const conform = String(exp.results.filter((r) => r.outcome === "conform").length);
    for (const s of [
      "Số: 07/BC-ĐKT",
      "Thanh Hóa, ngày 10 tháng 3 năm 2026",
      "BÁO CÁO",
      "Từ ngày 05/02/2026 đến ngày 10/03/2026, Sở Khoa học và Công nghệ đã kiểm tra 2 cơ quan, trong đó 1 cơ quan kiểm tra tại trụ sở và 1 cơ quan kiểm tra qua hồ sơ, báo cáo.",
      "Tại trụ sở 05/02/2026",
      "Qua hồ sơ 10/03/2026",
      "Ủy ban nhân dân phường Hạc Thành",
      "IV. KIẾN NGHỊ",
      "Nơi nhận:",
    ])
      expect(text.includes(s), s).toBe(true);
    const rows = buildTeamReportModel([other, exp]).blocks.find((b) => b.kind === "table");
    const nc = String(exp.findings.filter((f) => f.kind === "nonconformity").length);
    expect(rows?.kind === "table" && rows.table.rows[0]).toEqual(["1", "Ủy ban nhân dân xã Mường Lát", "Tại trụ sở", "05/02/2026", conform, expect.any(String), expect.any(String), nc, nc]);
    expect(pdfFonts(file).every((f) => f.embedded)).toBe(true);
    expect(pdfFonts(file).map((f) => f.name)).toContain("Tinos-Bold");
  });

  it("says 'Ngày …' for inspections on one day, and no '0 cơ quan' when all were of one form", () => {
    const same = { ...exp, agency: { ...exp.agency, id: "ag-2", name: "Ủy ban nhân dân xã Trung Lý" } };
    const intro = buildTeamReportModel([exp, same]).blocks.find((b) => b.kind === "paragraph");
    expect(intro?.kind === "paragraph" && intro.text).toBe(
      "Ngày 05/02/2026, Sở Khoa học và Công nghệ đã kiểm tra tại trụ sở 2 cơ quan.",
    );
    const byDesk = buildTeamReportModel([{ ...exp, inspection: { ...exp.inspection, mode: "desk" } }]).blocks.find((b) => b.kind === "paragraph");
    expect(byDesk?.kind === "paragraph" && byDesk.text).toBe("Ngày 05/02/2026, Sở Khoa học và Công nghệ đã kiểm tra qua hồ sơ, báo cáo 1 cơ quan.");
  });

  it("gives every corrective action a due date, two months after signing when the action has none (as the record does)", () => {
    const withoutDates = { ...exp, actions: exp.actions.map((a) => ({ ...a, dueOn: null })) };
    const lines = buildTeamReportModel([withoutDates]).blocks.flatMap((b) => (b.kind === "paragraph" && b.text.includes("Khắc phục:") ? [b.text] : []));
    expect(lines).toHaveLength(exp.findings.filter((f) => f.kind === "nonconformity").length);
    for (const l of lines) expect(l).toMatch(/\(hạn 05\/04\/2026\)\.$/u);
  });

  it("refuses an empty set", async () => {
    await expect(renderTeamReport([])).rejects.toThrow(/no inspections/u);
  });
});
