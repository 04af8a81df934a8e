import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { cleanCellText } from "../../src/checklists/cleanCellText";
import { columnRoleOf } from "../../src/checklists/columnRoleOf";
import { isInspectionSection } from "../../src/checklists/isInspectionSection";
import { looksLikeTcvn3 } from "../../src/checklists/looksLikeTcvn3";
import { parseLabel } from "../../src/checklists/parseLabel";
import { sectionInMergedRow } from "../../src/checklists/sectionInMergedRow";
import { splitListEntries } from "../../src/checklists/splitListEntries";
import { sharedFile } from "../support/sharedFile";
import { encodeTcvn3 } from "./fixtures/legacyEncodings";

describe("column wordings provinces use", () => {
  test.each([
    ["TT", "label"], ["STT", "label"], ["Số TT", "label"],
    ["Nội dung", "item"], ["Nội dung kiểm tra", "item"], ["Nội dung duy trì áp dụng và cải tiến", "item"],
    ["NỘI DUNG THỰC HIỆN", "activities"], ["Nội dung thực hiện", "activities"],
    ["Kết quả đạt được", "evidence"], ["Sản phẩm", "evidence"], ["Kết quả đạt được (hồ sơ minh chứng)", "evidence"],
    ["Cơ quan thực hiện", "responsible"], ["Cơ quan chủ trì", "responsible"], ["Chủ trì", "responsible"],
    ["Cơ quan phối hợp", "coordinating"], ["Phối hợp", "coordinating"],
    ["Cơ quan, đơn vị thực hiện", "responsible"], ["Cơ quan, đơn vị chủ trì", "responsible"], ["Cơ quan, đơn vị phối hợp", "coordinating"],
    ["Nội dung cần thực hiện", "activities"],
    ["Thời gian", "timing"], ["Thời gian thực hiện", "timing"],
    ["Ghi chú", null], ["", null],
  ])("%s → %s", (header, role) => {
    expect(columnRoleOf(header)).toBe(role);
    expect(columnRoleOf(header.normalize("NFD"))).toBe(role);
  });
});

describe("labels", () => {
  test.each([
    ["I", { kind: "section", code: "I" }], ["IV.", { kind: "section", code: "IV" }], ["PHẦN II", { kind: "section", code: "II" }],
    ["3", { kind: "item", code: "3", style: "number" }], ["3.", { kind: "item", code: "3", style: "number" }],
    ["đ)", { kind: "item", code: "đ", style: "letter" }], ["(e)", { kind: "item", code: "e", style: "letter" }], ["g", { kind: "item", code: "g", style: "letter" }],
    ["1.2", { kind: "sub", code: "1.2" }], ["", { kind: "none" }], ["f", { kind: "unknown", text: "f" }], ["IIII", { kind: "unknown", text: "IIII" }],
  ])("%s", (cell, label) => expect(parseLabel(cell)).toEqual(label));

  test("sections written inside a merged row", () => {
    expect(sectionInMergedRow("I. Áp dụng HTQLCL")).toEqual({ code: "I", title: "Áp dụng HTQLCL" });
    expect(sectionInMergedRow("PHẦN II: Tuân thủ QĐ 19")).toEqual({ code: "II", title: "Tuân thủ QĐ 19" });
    expect(sectionInMergedRow("PHẦN III\nKiểm tra")).toEqual({ code: "III", title: "Kiểm tra" });
    expect(sectionInMergedRow("Ghi chú: số liệu năm 2024")).toBeNull();
    expect(sectionInMergedRow("Imprimatur")).toBeNull();
  });

  test("which sections describe the inspection itself", () => {
    expect(isInspectionSection("Kiểm tra, đánh giá kết quả thực hiện việc duy trì HTQLCL năm 2023")).toBe(true);
    expect(isInspectionSection("Tổ chức kiểm tra tại các cơ quan")).toBe(true);
    expect(isInspectionSection("Kiểm tra việc tuân thủ theo các quy định tại Quyết định số 19/2014/QĐ-TTg")).toBe(false);
    expect(isInspectionSection("Áp dụng, duy trì và cải tiến HTQLCL")).toBe(false);
  });
});

describe("cell repairs", () => {
  test("markup, entities, NFD, invisible characters and whitespace", () => {
    expect(cleanCellText('<ul style="list-style-type: none"> - A&amp;B  </ul>')).toBe("- A&B");
    expect(cleanCellText("Hồ sơ<br/>Quyết\u00A0định\u200B _x000D_")).toBe("Hồ sơ\nQuyết định");
    expect(cleanCellText("Ra\u0300 soa\u0301t\t\t  quy tri\u0300nh")).toBe("Rà soát quy trình");
    expect(cleanCellText("<Tên cơ quan> < 5 ngày")).toBe("<Tên cơ quan> < 5 ngày");
    expect(cleanCellText("&#7879; &#x1EC7; &#99999999; &bogus;")).toBe("ệ ệ &#99999999; &bogus;");
  });

  test("bullets and line breaks become list entries; dashes inside words stay", () => {
    expect(splitListEntries("- A - B")).toEqual(["A", "B"]);
    expect(splitListEntries("• A\n+ B\nC")).toEqual(["A", "B", "C"]);
    expect(splitListEntries("Các nội dung: - A; - B.")).toEqual(["Các nội dung:", "A;", "B."]);
    expect(splitListEntries("Quyết định 19/2014/QĐ-TTg - Điều 4")).toEqual(["Quyết định 19/2014/QĐ-TTg - Điều 4"]);
    expect(splitListEntries("")).toEqual([]);
  });
});

describe("TCVN3 text stored as Latin-1 characters", () => {
  const vnTime = (s: string) => new TextDecoder("latin1").decode(encodeTcvn3(s));

  test("is recognised, from one short phrase on", () => {
    expect(looksLikeTcvn3(vnTime("Phạm vi áp dụng hệ thống"))).toBe(true);
    expect(looksLikeTcvn3(vnTime("Nội dung thực hiện"))).toBe(false);
    expect(looksLikeTcvn3(vnTime("Nội dung thực hiện"), { least: 1, share: 0 })).toBe(true);
  });

  test("Unicode Vietnamese never is, with typographic signs or a Western name in it", () => {
    expect(looksLikeTcvn3(readFileSync(sharedFile("seeds/002_a7de95de3099e5bf.txt"), "utf8"))).toBe(false);
    expect(looksLikeTcvn3(readFileSync(sharedFile("legal/qd19-tt26-nd30.md"), "utf8"))).toBe(false);
    expect(looksLikeTcvn3("Hồ sơ «một cửa» lưu 2 × 3 năm · theo quy trình của ông Müller (chuyên gia tư vấn)")).toBe(false);
  });
});
