import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ChecklistImportError } from "../../src/checklists/ChecklistImportError";
import { importChecklist } from "../../src/checklists/importChecklist";
import type { Checklist } from "../../src/domain/checklist";
import { encodeTcvn3, encodeWindows1258 } from "./fixtures/legacyEncodings";
import { SEED_FILE, SEED_OPTIONS } from "./seedOptions";

const seedText = readFileSync(SEED_FILE, "utf8");
const shipped = JSON.parse(readFileSync(join(import.meta.dirname, "../../checklists/phu-luc-i-2023@1.json"), "utf8"));
const importText = (bytes: Uint8Array) => importChecklist({ name: "002_a7de95de3099e5bf.txt", bytes }, SEED_OPTIONS);
const { checklist, warnings } = importText(new TextEncoder().encode(seedText));
const section = (code: string) => checklist.sections.find((s) => s.code === code)!;
const criterion = (code: string) => checklist.sections.flatMap((s) => s.items.flatMap((i) => i.criteria)).find((c) => c.code === code)!;

describe("the seed matrix (text pasted from Word)", () => {
  test("re-imports to exactly the shipped checklists/phu-luc-i-2023@1.json", () => {
    expect(checklist).toEqual(shipped);
  });

  test("holds every word of the seed's table exactly once, nothing lost or added (the shipped file is the seed as published)", () => {
    // Words only: bullets, markup and the "; " between list entries are the importer's repairs, not text.
    const words = (texts: string[]) => texts.flatMap((t) => t.replace(/<[^>]*>/g, " ").match(/[\p{L}\p{N}]+/gu) ?? []).sort();
    const lines = seedText.split("\n");
    const body = lines.slice(lines.findIndex((l) => l.startsWith("TT\t")) + 1);
    const seedCells = body.flatMap((l) => l.split("\t").slice(1));
    const c = shipped as Checklist;
    const shippedTexts = c.sections.flatMap((s) => [
      s.title,
      ...s.items.flatMap((i) => [i.title, ...i.criteria.flatMap((k) => [...k.activities, ...k.evidence, k.responsible ?? "", k.coordinating ?? "", k.timing ?? ""])]),
    ]);
    expect(words(shippedTexts)).toEqual(words(seedCells));
    expect(body.filter((l) => l.trim() !== "").map((l) => l.split("\t")[0]).filter((l) => l !== "")).toEqual(
      c.sections.flatMap((s) => [s.code, ...s.items.map((i) => i.code.split(".")[1])]),
    );
  });

  test("section I has 7 items with 12 criteria, section II 5 with 5, section III is kept unscored", () => {
    const shape = checklist.sections.map((s) => [s.code, s.scored, s.items.map((i) => `${i.code}:${i.criteria.length}`)]);
    expect(shape).toEqual([
      ["I", true, ["I.1:1", "I.2:3", "I.3:4", "I.4:1", "I.5:1", "I.6:1", "I.7:1"]],
      ["II", true, ["II.1:1", "II.2:1", "II.3:1", "II.4:1", "II.5:1"]],
      ["III", false, ["III.1:1"]],
    ]);
    expect(section("III").title).toBe(
      "Kiểm tra, đánh giá kết quả thực hiện việc duy trì, áp dụng và cải tiến HTQLCL theo TCVN ISO 9001:2015 tại các cơ quan hành chính của tỉnh năm 2023",
    );
  });

  test("I.3's title, its first criterion's evidence and timing come out whole across the page break", () => {
    const i3 = section("I").items[2]!;
    expect(i3.title).toBe(
      "Sự tuân thủ của cơ quan đối với tất cả các yêu cầu của Tiêu chuẩn quốc gia TCVN ISO 9001:2015, chính sách, mục tiêu, quy trình, thủ tục, các quy định có liên quan khác và các yêu cầu pháp luật liên quan",
    );
    expect(i3.criteria[0]).toEqual({
      code: "I.3.1",
      activities: ["Ban hành quyết định thành lập ban chỉ đạo ISO của đơn vị"],
      evidence: ["Quyết định thành lập ban chỉ đạo ISO của đơn vị"],
      responsible: "Phụ lục 2",
      timing: "Khi có sự thay đổi về tổ chức của cơ quan",
    });
    expect(i3.criteria[1]!.activities).toEqual(["Công bố và công khai chính sách chất lượng."]);
    expect(warnings).toContainEqual({ row: 16, message: "row joined to row 14 above (cut by a page break)", messageVi: "dòng được nối vào dòng 14 phía trên (bị ngắt trang)" });
  });

  test("bullets become list entries and converter markup is removed", () => {
    expect(criterion("I.1.1").activities).toEqual([
      "Phạm vi áp dụng theo quyết định công bố phù hợp HTQLCL",
      "Thường xuyên rà soát, kịp thời xây dựng quy trình khi có sự thay đổi TTHC",
    ]);
    expect(criterion("I.2.1").activities).toEqual([
      "Tổ chức đào tạo, tập huấn về HTQLCL cho 45 cơ quan hành chính các nội dung:",
      "Chuyên gia đánh giá nội bộ HTQLCL;",
      "Nghiệp vụ thư ký ISO.",
    ]);
    expect(criterion("II.5.1").evidence).toEqual([
      "Quyết định Công bố HTQLCL phù hợp Tiêu chuẩn quốc gia TCVN ISO 9001:2015",
      "Niêm yết tại trụ sở và đăng tải trên trang thông tin điện tử của cơ quan (nếu có)",
    ]);
    expect(criterion("III.1.1").responsible).toBe("Đoàn kiểm tra ISO hành chính công của tỉnh; Đoàn kiểm tra ISO hành chính công của huyện, thành phố");
    expect(JSON.stringify(checklist)).not.toMatch(/<|>|&[a-z]+;/);
  });

  test("lettered and numbered item codes and positional criterion codes", () => {
    expect(section("I").items[1]!.criteria.map((c) => c.code)).toEqual(["I.2.1", "I.2.2", "I.2.3"]);
    expect(criterion("I.2.3")).toEqual({
      code: "I.2.3",
      activities: ["Tự tổ chức đào tạo, tập huấn về tiêu chuẩn quốc gia TCVN ISO 9001:2015"],
      evidence: ["Danh sách tham gia lớp tập huấn"],
      coordinating: "Phụ lục 2",
      timing: "Tổ chức đào tạo",
    });
  });

  test("decomposed accents (NFD), CRLF line ends and a UTF-8 BOM give the same checklist", () => {
    const variant = `\uFEFF${seedText.normalize("NFD").replace(/\n/g, "\r\n")}`;
    expect(importText(new TextEncoder().encode(variant)).checklist).toEqual(shipped);
  });

  test("UTF-16 with a BOM (Excel's \"Unicode text\") gives the same checklist", () => {
    const le = new Uint8Array(Buffer.from(`\uFEFF${seedText}`, "utf16le"));
    expect(importText(le).checklist).toEqual(shipped);
  });

  test("Windows-1258 (tone marks as separate bytes) is decoded to the same checklist", () => {
    const bytes = encodeWindows1258(seedText);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    expect(importText(bytes).checklist).toEqual(shipped);
  });

  test("TCVN3 is refused with a message naming the encoding, never imported garbled", () => {
    let error: unknown;
    try {
      importText(encodeTcvn3(seedText));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ChecklistImportError);
    const e = error as ChecklistImportError;
    expect(e.toLine()).toBe(
      "002_a7de95de3099e5bf.txt: the text is in the legacy TCVN3 (ABC) encoding; convert it to Unicode (UTF-8), e.g. with Unikey's converter, and import again",
    );
    expect(e.messageVi).toContain("TCVN3");
  });
});
