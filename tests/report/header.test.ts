import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_DOST_ISSUER } from "../../src/domain/DostIssuer";
import { InspectionExportSchema } from "../../src/domain/inspectionExport";
import { buildDeskReviewLetterModel } from "../../src/report/letter/buildDeskReviewLetterModel";
import { renderDocument } from "../../src/report/pdf/renderDocument";
import { pdfBbox } from "./fixtures/poppler";
import { sampleExport } from "./fixtures/sampleExport";

const dir = mkdtempSync(join(tmpdir(), "report-header-"));
const base = InspectionExportSchema.parse(sampleExport({ criteria: 6 }));
const desk = { ...base, inspection: { ...base.inspection, mode: "desk" as const } };

describe("Decree 30 header: the place and date on the same line as the number", () => {
  it("shares the number's baseline with 1, 2 or 3 lines in the agency block", () => {
    const blocks = [
      { parentBody: "", issuingBody: "SỞ KHOA HỌC VÀ CÔNG NGHỆ" },
      { parentBody: "UBND TỈNH THANH HÓA", issuingBody: "SỞ KHOA HỌC VÀ CÔNG NGHỆ" },
      { parentBody: "SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH THANH HÓA", issuingBody: "CHI CỤC TIÊU CHUẨN ĐO LƯỜNG CHẤT LƯỢNG" },
    ];
    const gaps: number[] = [];
    blocks.forEach((b, i) => {
      const file = join(dir, `header-${i}.pdf`);
      writeFileSync(file, renderDocument(buildDeskReviewLetterModel(desk, { issuer: { ...DEFAULT_DOST_ISSUER, ...b } })));
      const p1 = pdfBbox(file)[0]!;
      const so = p1.words.find((w) => w.text === "Số:")!;
      const place = p1.words.find((w) => w.text === "Thanh" && w.xMin > p1.width / 2)!;
      const motto = p1.words.find((w) => w.text === "Độc")!;
      expect(Math.abs(so.yMax - place.yMax), `block ${i}: ${JSON.stringify({ so, place })}`).toBeLessThan(0.6);
      gaps.push(so.yMin - motto.yMax);
    });
    // Negative control: the agency blocks really differ in height, so the number moves down with them.
    expect(gaps[2]! - gaps[0]!).toBeGreaterThan(10);
  });
});
