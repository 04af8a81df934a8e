import { describe, expect, it } from "vitest";
import { deepNfc } from "../../src/report/pdf/deepNfc";
import { formatDateVi } from "../../src/report/pdf/formatDateVi";
import { formatDocNumber } from "../../src/report/pdf/formatDocNumber";
import { formatPlaceDate } from "../../src/report/pdf/formatPlaceDate";
import { legalBasisLines } from "../../src/report/pdf/legalBasisLines";
import { recipientLines } from "../../src/report/pdf/recipientLines";
import { replaceMissingGlyphs } from "../../src/report/pdf/replaceMissingGlyphs";

describe("administrative formatting (Decree 30/2020)", () => {
  it("writes the place and date line with leading zeros for days 1–9 and months 1–2 only", () => {
    expect(formatPlaceDate("Thanh Hóa", "2026-02-05")).toBe("Thanh Hóa, ngày 05 tháng 02 năm 2026");
    expect(formatPlaceDate("Thanh Hóa", "2026-01-31")).toBe("Thanh Hóa, ngày 31 tháng 01 năm 2026");
    expect(formatPlaceDate("Gia Lai", "2026-03-09")).toBe("Gia Lai, ngày 09 tháng 3 năm 2026");
    expect(formatPlaceDate("Gia Lai", "2026-09-10")).toBe("Gia Lai, ngày 10 tháng 9 năm 2026");
    expect(formatPlaceDate("Gia Lai", "2026-10-01")).toBe("Gia Lai, ngày 01 tháng 10 năm 2026");
    expect(formatPlaceDate("Hà Nội", "2025-12-31")).toBe("Hà Nội, ngày 31 tháng 12 năm 2025");
    expect(formatPlaceDate("Huế", null)).toBe("Huế, ngày … tháng … năm ……");
    expect(formatDateVi("2026-01-09")).toBe("09/01/2026");
    // Running text as the seeds write it: "05/3/2014", months 3–12 without a zero.
    expect(formatDateVi("2014-03-05")).toBe("05/3/2014");
    expect(formatDateVi("2021-12-04")).toBe("04/12/2021");
    expect(formatDateVi(undefined)).toBe("…/…/…");
  });

  it("builds the number line from number, type code and symbol, numbers below 10 with a leading zero", () => {
    expect(formatDocNumber("12", "BB", "ĐKT")).toBe("Số: 12/BB-ĐKT");
    expect(formatDocNumber("", "BB", "ĐKT")).toBe("Số: …/BB-ĐKT");
    expect(formatDocNumber("3", "BC", "BC-TĐC")).toBe("Số: 03/BC-TĐC");
    expect(formatDocNumber(" 9 ", "BB", "TĐC")).toBe("Số: 09/BB-TĐC");
    expect(formatDocNumber("10", "BB", "TĐC")).toBe("Số: 10/BB-TĐC");
    expect(formatDocNumber("05", "BB", "TĐC")).toBe("Số: 05/BB-TĐC");
    expect(formatDocNumber("12/BB-ĐKT", "BB", "ĐKT")).toBe("Số: 12/BB-ĐKT");
    expect(formatDocNumber("Số: 7/BB-TĐC", "BB", "ĐKT")).toBe("Số: 07/BB-TĐC");
    expect(formatDocNumber("45", null, "SKHCN-TĐC")).toBe("Số: 45/SKHCN-TĐC");
  });

  it("ends legal bases with ';' and the last with '.'", () => {
    expect(legalBasisLines(["Căn cứ A.", "Căn cứ B;", "  ", "Căn cứ C"])).toEqual(["Căn cứ A;", "Căn cứ B;", "Căn cứ C."]);
  });

  it("writes recipients as '- X;' and ends with the archive line", () => {
    expect(recipientLines(["UBND xã A", "- Sở KH&CN;"])).toEqual(["- UBND xã A;", "- Sở KH&CN;", "- Lưu: VT."]);
    expect(recipientLines(["Như trên", "Lưu: VT, TĐC"])).toEqual(["- Như trên;", "- Lưu: VT, TĐC."]);
  });

  it("replaces characters a font lacks: stand-ins for known symbols, a space for other spaces, nothing for format marks, '?' otherwise", () => {
    const latin = (cp: number) => cp < 0x2000;
    expect(replaceMissingGlyphs("a ≥ b ≤ c ✓\u2003d\u200d❤\ufe0f\ne", latin)).toBe("a >= b <= c x d?\ne");
    expect(replaceMissingGlyphs("Đạt ≥", () => true)).toBe("Đạt ≥");
  });

  it("normalises every string of an export, keys included, to NFC", () => {
    const nfd = { "Te\u0302n": ["Vie\u0323\u0302t", { a: "Đa\u0300" }], n: 1, b: null };
    expect(deepNfc(nfd)).toEqual({ Tên: ["Việt", { a: "Đà" }], n: 1, b: null });
  });
});
