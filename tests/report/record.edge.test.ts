import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InspectionExportSchema } from "../../src/domain/inspectionExport";
import { renderInspectionRecord } from "../../src/report/renderInspectionRecord";
import { makePng } from "./fixtures/makePng";
import { pdfBbox, pdfBodyText, squash } from "./fixtures/poppler";
import { sampleExport } from "./fixtures/sampleExport";

const dir = mkdtempSync(join(tmpdir(), "report-edge-"));

async function render(name: string, exp: unknown): Promise<string> {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, await renderInspectionRecord(InspectionExportSchema.parse(exp)));
  return file;
}

describe("inspection record edge cases", () => {
  it("keeps the closing statement, both signature blocks and 'Nơi nhận' together on the last page, wherever the text ends", async () => {
    // Agency comments of growing length move the end of the text down the page, through the spot where the
    // signatures still fit but "Nơi nhận" does not.
    const base = sampleExport({ criteria: 30 });
    for (let n = 0; n <= 45; n += 3) {
      const comments = `Cơ quan thống nhất với kết quả kiểm tra. ${"Cam kết khắc phục đúng hạn các tồn tại. ".repeat(n)}`;
      const file = await render(`closing-${n}`, { ...base, inspection: { ...base.inspection, agencyComments: comments } });
      const last = pdfBbox(file).at(-1)!.words.map((w) => w.text).join(" ");
      for (const s of ["Biên bản kết thúc vào hồi", "đã được đọc lại", "ĐẠI DIỆN CƠ QUAN", "TRƯỞNG ĐOÀN KIỂM TRA", "Phạm Đức Thắng", "Lê Thị Ngọc Ánh", "Nơi nhận:", "- Lưu: VT, TĐC."])
        expect(last, `comments ×${n}: ${last.slice(0, 80)}`).toContain(s);
    }
  });

  it("draws symbols the font subset lacks as readable stand-ins, never as nothing", async () => {
    const base = sampleExport({ criteria: 3 });
    const typed = "Tỷ lệ ≥ 80% ✓ đạt, ≤ 5 ngày 👍🏻 Ω\u200b.";
    const file = await render("symbols", {
      ...base,
      results: base.results.map((r, i) => (i === 0 ? { ...r, note: typed } : r)),
      inspection: { ...base.inspection, agencyComments: typed },
    });
    const text = squash(pdfBodyText(file));
    const drawn = "Tỷ lệ >= 80% x đạt, <= 5 ngày ? ?.";
    // Once in the table of section II, once in the agency's comments.
    expect(text.split(drawn).length - 1, text).toBe(2);
  });

  it("renders a bare draft (no issuer, results, findings, names or number) with blanks left to fill in", async () => {
    const base = sampleExport({ criteria: 3 });
    const file = await render("bare", {
      ...base,
      results: [],
      findings: [],
      actions: [],
      issuer: undefined,
      inspection: { ...base.inspection, leadName: "", agencyRepresentative: "", members: [], agencyMembers: [], recordNumber: "", signedOn: null, decisionRef: "", place: "", agencyComments: "" },
    });
    const text = squash(pdfBodyText(file));
    for (const s of [
      "ĐOÀN KIỂM TRA",
      "Số: …/BB-ĐKT",
      "……, ngày 05 tháng 02 năm 2026",
      "Chưa đánh giá",
      "Tổng số 3 nội dung: Đạt 0; Đạt một phần 0; Không đạt 0; Lưu ý 0; Không áp dụng 0; Chưa đánh giá 3.",
      "Đoàn kiểm tra không phát hiện vấn đề tồn tại.",
      "Không có yêu cầu khắc phục.",
      "- Ủy ban nhân dân xã Mường Lát;",
      "- Lưu: VT, ĐKT.",
    ])
      expect(text.includes(s), s).toBe(true);
    expect(text).not.toContain("thanh-hoa");
    // Without a decision number there is no third legal basis: the second ends the list with ".".
    expect(text).toContain("quy định chi tiết thi hành Quyết định số 19/2014/QĐ-TTg.");
  });

  it("loses nothing from very long notes, unbroken words and long comments, across pages", async () => {
    const exp = sampleExport({ criteria: 8 });
    exp.results[0]!.note = "Ghi chú rất dài về hồ sơ. ".repeat(400);
    exp.results[1]!.note = "x".repeat(2500);
    exp.inspection.agencyComments = "Ý kiến dài của cơ quan. ".repeat(600);
    const file = await render("long", exp);
    const text = squash(pdfBodyText(file));
    expect(text.match(/Ý kiến dài của cơ quan\./gu)).toHaveLength(600);
    // Table cells are read back word by word: reading order interleaves neighbouring columns.
    const words = pdfBbox(file).flatMap((p) => p.words.map((w) => w.text));
    expect(words.filter((w) => w === "rất")).toHaveLength(400);
    expect(words.filter((w) => /^x+$/u.test(w)).join("")).toHaveLength(2500);
    expect(pdfBbox(file).length).toBeGreaterThan(8);
  });

  it("places drawn signatures in the signature blocks", async () => {
    const exp = sampleExport({ criteria: 4 });
    exp.inspection.leadSignature = `data:image/png;base64,${makePng(300, 120, 3)}`;
    exp.inspection.agencySignature = `data:image/png;base64,${makePng(300, 120, 4)}`;
    const file = await render("signed", exp);
    const pages = pdfBbox(file);
    const last = pages.length;
    const images = execFileSync("pdfimages", ["-list", file], { encoding: "utf8" }).split("\n").slice(2).filter((l) => l.trim());
    expect(images.map((l) => Number(l.trim().split(/\s+/u)[0]))).toEqual([last, last]);
    expect(squash(pdfBodyText(file))).toContain("Lê Thị Ngọc Ánh");
  });
});
