import { describe, expect, it } from "vitest";
import { EMPTY_ISSUER_FIELDS } from "../../src/domain/issuerSettings";
import { issuerGaps, issuerSymbolProblems } from "../../src/domain/issuerProblems";
import { abbreviates, issuerSymbolProblem, suggestedAbbreviation } from "../../src/domain/issuerSymbolProblem";

const SO = "SỞ KHOA HỌC VÀ CÔNG NGHỆ";

describe("the number symbol matches the issuing body (NĐ 30/2020 Phụ lục I)", () => {
  it("refuses another body's abbreviation after the kind: SỞ KHOA HỌC VÀ CÔNG NGHỆ … Số: 05/BB-ĐKT", () => {
    expect(issuerSymbolProblem("record", SO, "BB-ĐKT")).toBe(
      'Ký hiệu "BB-ĐKT" không khớp cơ quan ban hành "SỞ KHOA HỌC VÀ CÔNG NGHỆ": sau "BB-" phải là chữ viết tắt tên cơ quan ban hành, ví dụ "BB-SKHCN" (Nghị định 30/2020/NĐ-CP, Phụ lục I).',
    );
    expect(issuerSymbolProblem("record", SO, "05/BB-ĐKT")).toMatch(/không khớp/u);
  });

  it("accepts the body's own abbreviation, and ĐKT under the inspection team", () => {
    expect(issuerSymbolProblem("record", SO, "BB-SKHCN")).toBeNull();
    expect(issuerSymbolProblem("record", "ĐOÀN KIỂM TRA", "BB-ĐKT")).toBeNull();
    expect(issuerSymbolProblem("record", "Đoàn kiểm tra", "12/BB-ĐKT")).toBeNull();
    expect(issuerSymbolProblem("notice", SO, "TB-SKHCN")).toBeNull();
    expect(issuerSymbolProblem("plan", "SỞ KH&CN", "KH-SKHCN")).toBeNull();
    expect(issuerSymbolProblem("report", "CHI CỤC TIÊU CHUẨN ĐO LƯỜNG CHẤT LƯỢNG", "BC-CCTĐC")).toBeNull();
  });

  it("wants the kind's code first, and a công văn's drafting unit last", () => {
    expect(issuerSymbolProblem("record", SO, "BC-SKHCN")).toMatch(/phải bắt đầu bằng "BB-"/u);
    expect(issuerSymbolProblem("letter", SO, "SKHCN-TĐC", "TĐC")).toBeNull();
    expect(issuerSymbolProblem("letter", SO, "ĐKT-TĐC", "TĐC")).toMatch(/không khớp cơ quan ban hành/u);
    expect(issuerSymbolProblem("letter", SO, "SKHCN-VP", "TĐC")).toMatch(/đơn vị soạn thảo "TĐC"/u);
  });

  it("reads abbreviations as the initials of the body's words in order, from the first", () => {
    expect(abbreviates("UBND", "ỦY BAN NHÂN DÂN TỈNH")).toBe(true);
    expect(abbreviates("SKHCN", "ĐOÀN KIỂM TRA")).toBe(false);
    expect(abbreviates("KHCN", SO)).toBe(false);
    expect(abbreviates("S", SO)).toBe(false);
    expect(suggestedAbbreviation(SO)).toBe("SKHCN");
  });

  it("names what is unset, and every symbol that does not match", () => {
    expect(issuerGaps(undefined)).toHaveLength(1);
    expect(issuerGaps(EMPTY_ISSUER_FIELDS).map((g) => g.en)).toEqual(["parent body", "issuing body", "place", "record symbol", "drafting unit (Lưu line)"]);
    const f = { ...EMPTY_ISSUER_FIELDS, parentBody: "UBND TỈNH THANH HÓA", issuingBody: SO, place: "Thanh Hóa", draftingUnit: "TĐC", symbols: { record: "BB-ĐKT", letter: "SKHCN-TĐC", plan: "KH-SKHCN", notice: "TB-ĐKT", report: "" } };
    expect(issuerGaps(f)).toEqual([]);
    expect(issuerSymbolProblems(f)).toHaveLength(2);
  });
});
