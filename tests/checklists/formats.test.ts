import { Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { zipSync } from "fflate";
import { describe, expect, test } from "vitest";
import { importChecklist } from "../../src/checklists/importChecklist";
import { csvFixture } from "./fixtures/csvFixture";
import { docxFixture } from "./fixtures/docxFixture";
import { xlsxFixture } from "./fixtures/xlsxFixture";
import { SAMPLE_SECTIONS, withoutFields } from "./fixtures/sampleSections";

const enc = (s: string) => new TextEncoder().encode(s);

const unscoredIII = {
  message: "section III describes the inspection itself: kept, not scored",
  messageVi: "mục III mô tả chính việc kiểm tra: giữ lại, không chấm điểm",
};

describe("each format gives the same checklist", () => {
  test("CSV: BOM, CRLF, quoted cells across lines, other column order and wording, no 'Cơ quan phối hợp', NFD", () => {
    const bytes = csvFixture();
    expect(new TextDecoder().decode(bytes)).toContain('"- Ra\u0300 soa\u0301t');
    const { checklist, warnings, format } = importChecklist({ name: "phu-luc.csv", bytes });
    expect(format).toBe("text");
    expect(checklist.sections).toEqual(withoutFields(["coordinating"]));
    expect(checklist.id).toBe("phu-luc");
    expect(checklist.title).toBe("PHỤ LỤC I – Nội dung kiểm tra năm 2024");
    expect(checklist.source).toEqual({ document: "phu-luc.csv" });
    expect(warnings).toEqual([unscoredIII]);
  });

  test("the caller can keep more sections unscored", () => {
    const { checklist, warnings } = importChecklist({ name: "phu-luc.csv", bytes: csvFixture() }, { unscoredSections: ["II"] });
    expect(checklist.sections.map((s) => [s.code, s.scored])).toEqual([["I", true], ["II", false], ["III", false]]);
    expect(warnings.map((w) => w.message)).toEqual([
      "section II kept, not scored, as asked",
      "section III describes the inspection itself: kept, not scored",
    ]);
  });

  test("CSV without BOM, with LF and semicolons (Excel in a Vietnamese locale)", () => {
    const csv = new TextDecoder().decode(csvFixture()).replace(/^\uFEFF/, "");
    // Swap the delimiter outside quoted cells only.
    const semi = csv.replace(/("(?:[^"]|"")*")|,/g, (m, quoted: string | undefined) => quoted ?? ";").replace(/\r\n/g, "\n");
    const { checklist } = importChecklist({ name: "phu-luc.csv", bytes: new TextEncoder().encode(semi) }, { id: "x", version: "2", title: "Tên" });
    expect(checklist.sections).toEqual(withoutFields(["coordinating"]));
    expect([checklist.id, checklist.version, checklist.title]).toEqual(["x", "2", "Tên"]);
  });

  test("XLSX: title rows, two-row header, merged section rows, cells merged down an item, line breaks", async () => {
    const { checklist, warnings, format } = importChecklist({ name: "phu-luc.xlsx", bytes: await xlsxFixture() }, { id: "tinh-2024", version: "1" });
    expect(format).toBe("xlsx");
    expect(checklist.sections).toEqual(SAMPLE_SECTIONS);
    expect(checklist.title).toBe("PHỤ LỤC I – NỘI DUNG KIỂM TRA NĂM 2024");
    expect(warnings).toEqual([unscoredIII]);
  });

  test("DOCX: matrix table found after the national-motto table, vMerge, several paragraphs per cell", async () => {
    const { checklist, warnings, format } = importChecklist({ name: "Phụ lục I.docx", bytes: await docxFixture() });
    expect(format).toBe("docx");
    expect(checklist.sections).toEqual(SAMPLE_SECTIONS);
    expect(checklist.id).toBe("phu-luc-i");
    expect(checklist.title).toBe("PHỤ LỤC I – NỘI DUNG KIỂM TRA NĂM 2024");
    expect(warnings).toEqual([unscoredIII]);
  });

  test("TSV copied from Excel: quoted cells with line breaks, markup and entities from a converter", () => {
    const tsv = [
      "STT\tNội dung\tNội dung thực hiện\tKết quả đạt được\tThời gian",
      "PHẦN I\tÁp dụng HTQLCL\t\t\t",
      '1\tPhạm vi áp dụng\t"Rà soát ""phạm vi""\n• Cập nhật quy trình"\t<p>Quyết định công bố</p><p>Bộ quy trình &amp; biểu mẫu</p>\tThường&nbsp;xuyên',
      "2\t**Đào tạo**\tTập huấn\tDanh sách\tTháng 5",
    ].join("\n");
    const { checklist } = importChecklist({ name: "dan.tsv", bytes: new TextEncoder().encode(tsv) });
    expect(checklist.sections).toEqual([
      {
        code: "I",
        title: "Áp dụng HTQLCL",
        scored: true,
        items: [
          {
            code: "I.1",
            title: "Phạm vi áp dụng",
            criteria: [{ code: "I.1.1", activities: ['Rà soát "phạm vi"', "Cập nhật quy trình"], evidence: ["Quyết định công bố", "Bộ quy trình & biểu mẫu"], timing: "Thường xuyên" }],
          },
          { code: "I.2", title: "Đào tạo", criteria: [{ code: "I.2.1", activities: ["Tập huấn"], evidence: ["Danh sách"], timing: "Tháng 5" }] },
        ],
      },
    ]);
  });

  test("DOCX whose TT column is numbered by Word (I., 1., a) as automatic numbering, not text)", async () => {
    const numbered = (reference: string, instance: number) => new Paragraph({ numbering: { reference, level: 0, instance }, text: "" });
    const row = (label: Paragraph, ...texts: string[]) =>
      new TableRow({ children: [new TableCell({ children: [label] }), ...texts.map((t) => new TableCell({ children: [new Paragraph(t)] }))] });
    const doc = new Document({
      numbering: {
        config: [
          { reference: "sec", levels: [{ level: 0, format: LevelFormat.UPPER_ROMAN, text: "%1.", start: 1 }] },
          { reference: "num", levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", start: 1 }] },
          { reference: "let", levels: [{ level: 0, format: LevelFormat.LOWER_LETTER, text: "%1)", start: 1 }] },
        ],
      },
      sections: [
        {
          children: [
            new Table({
              rows: [
                row(new Paragraph("TT"), "Nội dung", "Nội dung thực hiện"),
                row(numbered("sec", 0), "Áp dụng", ""),
                row(numbered("num", 1), "Phạm vi", "Rà soát"),
                row(numbered("num", 1), "Đào tạo", "Tập huấn"),
                row(numbered("sec", 0), "Tuân thủ QĐ 19", ""),
                row(numbered("let", 2), "Lãnh đạo tham gia", "Phân công"),
                row(numbered("let", 2), "Xác nhận hiệu lực", "Ký xác nhận"),
              ],
            }),
          ],
        },
      ],
    });
    const { checklist } = importChecklist({ name: "auto.docx", bytes: new Uint8Array(await Packer.toBuffer(doc)) });
    expect(checklist.sections.map((s) => [s.code, s.title, s.items.map((i) => `${i.code} ${i.title}: ${i.criteria[0]!.activities[0]}`)])).toEqual([
      ["I", "Áp dụng", ["I.1 Phạm vi: Rà soát", "I.2 Đào tạo: Tập huấn"]],
      ["II", "Tuân thủ QĐ 19", ["II.a Lãnh đạo tham gia: Phân công", "II.b Xác nhận hiệu lực: Ký xác nhận"]],
    ]);
  });

  test("XLSX written by another producer: inline and rich-text strings, x: prefixes, _x000D_, a section merged over two rows", () => {
    const cell = (ref: string, xml: string) => `<x:c r="${ref}" t="inlineStr"><x:is>${xml}</x:is></x:c>`;
    const t = (text: string) => `<x:t xml:space="preserve">${text}</x:t>`;
    const sheet =
      '<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      `<x:row r="2">${cell("A2", t("TT"))}${cell("B2", t("Nội dung"))}${cell("C2", t("Nội dung thực hiện"))}${cell("D2", t("Sản phẩm"))}</x:row>` +
      `<x:row r="3">${cell("A3", t("II. Tuân thủ"))}</x:row>` +
      `<x:row r="5"><x:c r="A5"><x:v>1</x:v></x:c>${cell("B5", `<x:r><x:rPr><x:b/></x:rPr>${t("Người đứng đầu ")}</x:r><x:r>${t("xác nhận")}</x:r>`)}${cell("C5", t("Ký_x000D_\nĐóng dấu"))}${cell("D5", t("Quyết định &amp; thông báo"))}</x:row>` +
      '</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A3:D4"/></x:mergeCells></x:worksheet>';
    const files = {
      "[Content_Types].xml": enc('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      "xl/workbook.xml": enc('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="PL" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      "xl/_rels/workbook.xml.rels": enc('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="/xl/worksheets/data.xml"/></Relationships>'),
      "xl/worksheets/data.xml": enc(sheet),
    };
    const { checklist, format } = importChecklist({ name: "other.xlsx", bytes: zipSync(files) });
    expect(format).toBe("xlsx");
    expect(checklist.sections).toEqual([
      {
        code: "II",
        title: "Tuân thủ",
        scored: true,
        items: [{ code: "II.1", title: "Người đứng đầu xác nhận", criteria: [{ code: "II.1.1", activities: ["Ký", "Đóng dấu"], evidence: ["Quyết định & thông báo"] }] }],
      },
    ]);
  });

  test("XLSX: an empty first sheet, columns in another order and wording, an item title merged across 'Nội dung thực hiện'", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    const ws = wb.addWorksheet("PL I");
    ws.addRows([
      ["Thời gian thực hiện", "STT", "Nội dung kiểm tra", "Nội dung thực hiện", "Sản phẩm", "Cơ quan, đơn vị chủ trì"],
      ["PHẦN I. Áp dụng HTQLCL"],
      ["Hàng năm", 1, "Hoạt động cải tiến trong HTQLCL", "", "Hồ sơ cải tiến", "Các cơ quan"],
      ["Thường xuyên", 2, "Phạm vi áp dụng", "- Rà soát\n- Cập nhật", "• Quyết định công bố", "Các cơ quan"],
      ["", "", "", "Công bố lại", "", ""],
    ]);
    ws.mergeCells("A2:F2");
    ws.mergeCells("C3:D3");
    ws.mergeCells("C4:C5");
    ws.mergeCells("F4:F5");
    const { checklist, warnings } = importChecklist({ name: "pl.xlsx", bytes: new Uint8Array(await wb.xlsx.writeBuffer()) });
    expect(checklist.sections).toEqual([
      {
        code: "I",
        title: "Áp dụng HTQLCL",
        scored: true,
        items: [
          {
            code: "I.1",
            title: "Hoạt động cải tiến trong HTQLCL",
            criteria: [{ code: "I.1.1", activities: ["Hoạt động cải tiến trong HTQLCL"], evidence: ["Hồ sơ cải tiến"], responsible: "Các cơ quan", timing: "Hàng năm" }],
          },
          {
            code: "I.2",
            title: "Phạm vi áp dụng",
            criteria: [
              { code: "I.2.1", activities: ["Rà soát", "Cập nhật"], evidence: ["Quyết định công bố"], responsible: "Các cơ quan", timing: "Thường xuyên" },
              { code: "I.2.2", activities: ["Công bố lại"], evidence: [], responsible: "Các cơ quan" },
            ],
          },
        ],
      },
    ]);
    expect(warnings).toEqual([]);
  });

  test("XLSX dates in the Thời gian column read as Vietnamese dates, not serial numbers", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("PL");
    ws.addRows([["TT", "Nội dung", "Nội dung thực hiện", "Thời gian"], ["I", "Áp dụng"], [1, "Phạm vi", "Rà soát", new Date(Date.UTC(2024, 4, 15))], [2, "Đào tạo", "Tập huấn", new Date(Date.UTC(2024, 8, 1))], [3, "Cải tiến", "Sửa quy trình", 45000]]);
    ws.getCell("D3").numFmt = "dd/mm/yyyy";
    ws.getCell("D4").numFmt = "mm/yyyy";
    const { checklist } = importChecklist({ name: "d.xlsx", bytes: new Uint8Array(await wb.xlsx.writeBuffer()) });
    expect(checklist.sections[0]!.items.map((i) => i.criteria[0]!.timing)).toEqual(["15/05/2024", "09/2024", "45000"]);
  });

  test("a header repeated at the top of each page (PDF conversions) is skipped", () => {
    const head = "STT\tNội dung\tNội dung thực hiện\n(1)\t(2)\t(3)\n";
    const tsv = `${head}I\tÁp dụng\t\n1\tPhạm vi\tRà soát\n\n${head}2\tĐào tạo\tTập huấn\n`;
    const { checklist, warnings } = importChecklist({ name: "pdf.tsv", bytes: enc(tsv) });
    expect(checklist.sections[0]!.items.map((i) => [i.code, i.title, i.criteria[0]!.activities])).toEqual([
      ["I.1", "Phạm vi", ["Rà soát"]],
      ["I.2", "Đào tạo", ["Tập huấn"]],
    ]);
    expect(warnings.map((w) => [w.row, w.message])).toEqual([
      [6, "repeated header row skipped"],
      [7, "repeated header row skipped"],
    ]);
  });

  test("columns the importer does not use are reported, not read", () => {
    const tsv = "TT\tGhi chú\tNội dung\tNội dung thực hiện\nI\tx\tÁp dụng\t\n1\tbỏ qua\tPhạm vi\tRà soát\n";
    const { checklist, warnings } = importChecklist({ name: "g.tsv", bytes: new TextEncoder().encode(tsv) });
    expect(checklist.sections[0]!.items).toEqual([{ code: "I.1", title: "Phạm vi", criteria: [{ code: "I.1.1", activities: ["Rà soát"], evidence: [] }] }]);
    expect(warnings).toEqual([{ row: 1, column: "2", message: 'column "Ghi chú" is not used', messageVi: 'cột "Ghi chú" không được sử dụng' }]);
  });

  test("a matrix without 'Nội dung thực hiện': each item row is one criterion, unlabelled rows add more", () => {
    const csv = "TT,Nội dung kiểm tra,Kết quả đạt được\nI,Tuân thủ QĐ 19,\na),Lãnh đạo tham gia,Quyết định thành lập ban chỉ đạo\n,Phân công nhiệm vụ,Văn bản phân công\nb),Xác nhận hiệu lực,\n";
    const { checklist, warnings } = importChecklist({ name: "m.csv", bytes: new TextEncoder().encode(csv) });
    expect(checklist.sections[0]!.items).toEqual([
      {
        code: "I.a",
        title: "Lãnh đạo tham gia",
        criteria: [
          { code: "I.a.1", activities: [], evidence: ["Quyết định thành lập ban chỉ đạo"] },
          { code: "I.a.2", activities: ["Phân công nhiệm vụ"], evidence: ["Văn bản phân công"] },
        ],
      },
      { code: "I.b", title: "Xác nhận hiệu lực", criteria: [{ code: "I.b.1", activities: ["Xác nhận hiệu lực"], evidence: [] }] },
    ]);
    expect(warnings.map((w) => w.message)).toEqual(["item I.b has no criteria: it is scored as a whole"]);
  });
});
