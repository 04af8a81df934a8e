import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InspectionExportSchema, type InspectionExport } from "../../src/domain/inspectionExport";
import { renderInspectionRecord } from "../../src/report/renderInspectionRecord";
import { pdfBbox, pdfBodyText, pdftotext, squash } from "./fixtures/poppler";
import { sampleExport } from "./fixtures/sampleExport";

const dir = mkdtempSync(join(tmpdir(), "report-content-"));
const base = InspectionExportSchema.parse(sampleExport({ criteria: 12 }));
let n = 0;

async function render(exp: InspectionExport): Promise<{ file: string; body: string }> {
  const file = join(dir, `record-${n++}.pdf`);
  writeFileSync(file, await renderInspectionRecord(InspectionExportSchema.parse(exp)));
  return { file, body: squash(pdfBodyText(file)) };
}
const withInspection = (patch: Partial<InspectionExport["inspection"]>): InspectionExport => ({ ...base, inspection: { ...base.inspection, ...patch } });
/** The text between two headings of the body. */
const between = (body: string, from: string, to: string) => body.slice(body.indexOf(from) + from.length, body.indexOf(to));

describe("inspection record content (TT 26 Art. 37.2, Mẫu 21 BBKT)", () => {
  it("prints the agency's comment as typed, or dotted lines to fill in by hand — never words put in its mouth", async () => {
    const empty = await render(withInspection({ agencyComments: "" }));
    const part = between(empty.body, "VII. Ý KIẾN CỦA CƠ QUAN CHỊU SỰ KIỂM TRA", "Biên bản kết thúc");
    expect(part).toMatch(/^\s*\.{40,} \.{40,} \.{40,}\s*$/u);
    expect(empty.body).not.toContain("thống nhất với nội dung");
    const typed = await render(withInspection({ agencyComments: "Cơ quan đề nghị Đoàn xem xét lại nội dung I.2." }));
    expect(between(typed.body, "VII. Ý KIẾN CỦA CƠ QUAN CHỊU SỰ KIỂM TRA", "Biên bản kết thúc").trim()).toBe("Cơ quan đề nghị Đoàn xem xét lại nội dung I.2.");
  });

  it("has KẾT LUẬN and KIẾN NGHỊ from what the team typed, dotted lines when empty", async () => {
    const typed = await render(withInspection({ conclusion: "Cơ quan đã áp dụng Hệ thống quản lý chất lượng theo TCVN ISO 9001:2008.", recommendations: "Đề nghị bổ sung hồ sơ đánh giá nội bộ." }));
    expect(between(typed.body, "V. KẾT LUẬN", "VI. KIẾN NGHỊ").trim()).toBe("Cơ quan đã áp dụng Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015.");
    expect(between(typed.body, "VI. KIẾN NGHỊ", "VII. Ý KIẾN").trim()).toBe("Đề nghị bổ sung hồ sơ đánh giá nội bộ.");
    const empty = await render(withInspection({ conclusion: "", recommendations: undefined }));
    expect(between(empty.body, "V. KẾT LUẬN", "VI. KIẾN NGHỊ")).toMatch(/^\s*(\.{40,}\s*){3}$/u);
    expect(between(empty.body, "VI. KIẾN NGHỊ", "VII. Ý KIẾN")).toMatch(/^\s*(\.{40,}\s*){3}$/u);
  });

  it("states the start and end times ('vào hồi … giờ … phút', 'Biên bản kết thúc vào hồi …'), blanks when not typed", async () => {
    const timed = await render(withInspection({ startTime: "08:30", endTime: "11:05" }));
    expect(timed.body).toContain("Hôm nay, vào hồi 08 giờ 30 phút, ngày 05 tháng 02 năm 2026, tại Trụ sở Ủy ban nhân dân xã Mường Lát");
    expect(timed.body).toContain("Biên bản kết thúc vào hồi 11 giờ 05 phút cùng ngày, đã được đọc lại");
    const blank = await render(withInspection({}));
    expect(blank.body).toContain("Hôm nay, vào hồi …… giờ …… phút, ngày 05 tháng 02 năm 2026");
    expect(blank.body).toContain("Biên bản kết thúc vào hồi …… giờ …… phút cùng ngày");
    expect(() => InspectionExportSchema.parse(withInspection({ startTime: "25:00" }))).toThrow();
  });

  it("prints TCVN ISO 9001:2015 in section and item titles; 2008 only in the title of QĐ 19 it cites", async () => {
    const old = structuredClone(base);
    old.checklist.sections[0]!.title = "Kiểm tra việc xây dựng, áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng theo yêu cầu của Tiêu chuẩn quốc gia TCVN ISO 9001:2008";
    old.checklist.sections[0]!.items[2]!.title = "Sự tuân thủ của cơ quan đối với tất cả các yêu cầu của Tiêu chuẩn quốc gia TCVN ISO 9001:2008";
    const { body } = await render(old);
    expect(body).toContain("Mục I. Kiểm tra việc xây dựng, áp dụng, duy trì và cải tiến Hệ thống quản lý chất lượng theo yêu cầu của Tiêu chuẩn quốc gia TCVN ISO 9001:2015");
    expect(body).toContain("các yêu cầu của Tiêu chuẩn quốc gia TCVN ISO 9001:2015");
    // Negative control: the 2008 edition is still in the citation of QĐ 19's title, and only there.
    const mentions = body.split("9001:2008").length - 1;
    expect(mentions).toBe(1);
    expect(body).toContain("Căn cứ Quyết định số 19/2014/QĐ-TTg ngày 05/3/2014 của Thủ tướng Chính phủ về việc áp dụng Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2008");
  });

  it("states each finding once, without criterion codes inside its text", async () => {
    const exp = structuredClone(base);
    const f = exp.findings.find((x) => x.kind === "nonconformity")!;
    const c = exp.checklist.sections.flatMap((s) => s.items.flatMap((i) => i.criteria)).find((x) => x.code === f.criterionCode)!;
    // As older tablets proposed it: "I.3.1: <requirement> — <note>", and with a bracketed code in front.
    f.text = `[${c.code}] ${c.code}: ${c.activities.join("; ")} — Chưa lưu biên bản họp xem xét của lãnh đạo`;
    const { file, body } = await render(exp);
    expect(body).toContain("1.1. Chưa lưu biên bản họp xem xét của lãnh đạo (mức");
    const section3 = between(body, "III. CÁC VẤN ĐỀ TỒN TẠI", "IV. YÊU CẦU");
    expect(section3).not.toContain(`[${c.code}]`);
    expect(section3).not.toContain(`${c.code}:`);
    expect(section3.split("Chưa lưu biên bản họp xem xét của lãnh đạo").length - 1).toBe(1);
    // The action table prints the problem without its code too.
    const words = pdfBbox(file).flatMap((p) => p.words.map((w) => w.text));
    expect(words).not.toContain(`[${c.code}]`);
  });

  it("cites the decision by its own number, date, issuer and subject; a number typed in full is not doubled", async () => {
    const { body } = await render(
      withInspection({ decisionRef: "Quyết định số 87/QĐ-SKHCN", decisionDate: "2026-01-20", decisionIssuer: "Giám đốc Sở Khoa học và Công nghệ tỉnh Thanh Hóa", decisionSubject: "Về việc kiểm tra việc áp dụng Hệ thống quản lý chất lượng năm 2026" }),
    );
    expect(body).toContain("Căn cứ Quyết định số 87/QĐ-SKHCN ngày 20/01/2026 của Giám đốc Sở Khoa học và Công nghệ tỉnh Thanh Hóa về việc kiểm tra việc áp dụng Hệ thống quản lý chất lượng năm 2026.");
    expect(body).not.toContain("Quyết định số Quyết định số");
    expect(body).not.toMatch(/của (Đoàn kiểm tra|ĐOÀN KIỂM TRA)/u);
    // Without the issuer and the subject: dots to fill in, never the team and never invented words.
    const bare = await render(withInspection({ decisionRef: "87/QĐ-SKHCN", decisionDate: "2026-01-20", decisionIssuer: "", decisionSubject: "" }));
    expect(bare.body).toContain("Căn cứ Quyết định số 87/QĐ-SKHCN ngày 20/01/2026 của …………… về việc …………….");
    expect(bare.body).not.toMatch(/của (Đoàn kiểm tra|Sở Khoa học và Công nghệ) về việc kiểm tra/u);
  });

  it("marks every page of a record not yet finalized 'DỰ THẢO', and none of a finalized one", async () => {
    const draft = await render(withInspection({ status: "draft" }));
    const pages = pdfBbox(draft.file);
    expect(pages.length).toBeGreaterThan(1);
    for (const [i, p] of pages.entries()) {
      const top = p.words.filter((w) => w.yMax < (20 / 25.4) * 72).map((w) => w.text).join(" ");
      expect(top, `page ${i + 1}`).toContain("DỰ THẢO");
    }
    const final = await render(withInspection({ status: "finalized" }));
    expect(pdftotext(final.file)).not.toContain("DỰ THẢO");
  });
});
