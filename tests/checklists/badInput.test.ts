import { zipSync } from "fflate";
import { describe, expect, test } from "vitest";
import { ChecklistImportError } from "../../src/checklists/ChecklistImportError";
import { importChecklist } from "../../src/checklists/importChecklist";
import { docxFixture } from "./fixtures/docxFixture";
import { encodeTcvn3 } from "./fixtures/legacyEncodings";
import { xlsxFixture } from "./fixtures/xlsxFixture";

const enc = (s: string) => new TextEncoder().encode(s);

function errorOf(name: string, bytes: Uint8Array): ChecklistImportError {
  try {
    importChecklist({ name, bytes });
  } catch (e) {
    if (e instanceof ChecklistImportError) return e;
    throw e;
  }
  throw new Error(`${name} was imported but should have been refused`);
}

const HEADER = "TT\tNội dung\tNội dung thực hiện\tKết quả đạt được\n";

describe("bad input is refused with one clear line, in English and Vietnamese", () => {
  test.each([
    ["empty.txt", new Uint8Array(0), "empty.txt: the file is empty", "tệp rỗng"],
    ["blank.csv", enc(" \r\n\t\r\n"), "blank.csv: the file is empty", "tệp rỗng"],
    [
      "anh.png",
      Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52),
      "anh.png: the file is not a spreadsheet, a document or text (binary content)",
      "tệp không phải bảng tính, văn bản Word hay văn bản thuần (nội dung nhị phân)",
    ],
    ["ke-hoach.pdf", enc("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "ke-hoach.pdf: PDF is not supported; use the Word, Excel or text version of the matrix", "không đọc được tệp PDF; hãy dùng bản Word, Excel hoặc văn bản của phụ lục"],
    [
      "cu.xls",
      Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0),
      "cu.xls: old binary .xls/.doc files are not supported; save the file as .xlsx or .docx",
      "không đọc được tệp .xls/.doc định dạng cũ; hãy lưu lại thành .xlsx hoặc .docx",
    ],
    [
      "anh.zip",
      zipSync({ "a.txt": enc("xin chào") }),
      "anh.zip: the zip archive is neither an XLSX workbook nor a DOCX document",
      "tệp nén không phải bảng tính XLSX hay văn bản DOCX",
    ],
    [
      "danh-sach.csv",
      enc("Họ và tên,Ngày sinh,Chức vụ\nNguyễn Văn A,01/01/1980,Chuyên viên\n"),
      "danh-sach.csv: no inspection matrix found: no table has a header row with a TT column and a content column (Nội dung …)",
      "không tìm thấy bảng nội dung kiểm tra: không bảng nào có dòng tiêu đề với cột TT và cột Nội dung",
    ],
    [
      "ma-khac.txt",
      Uint8Array.of(0x54, 0x54, 0x09, 0x8a, 0x9a, 0x8e, 0x9e, 0x0a),
      "ma-khac.txt: the text is neither UTF-8 nor Windows-1258 (an unknown 8-bit encoding); save it as UTF-8 and import again",
      "văn bản không phải UTF-8 hay Windows-1258 (bảng mã 8 bit không xác định); hãy lưu lại dạng UTF-8 rồi nhập lại",
    ],
  ])("%s", (name, bytes, line, vi) => {
    const e = errorOf(name, bytes);
    expect(e.toLine()).toBe(line);
    expect(e.messageVi).toBe(vi);
  });

  test("a truncated XLSX and a truncated DOCX are refused, however they are cut", async () => {
    for (const [name, full] of [["p.xlsx", await xlsxFixture()], ["p.docx", await docxFixture()]] as const) {
      for (const keep of [0.2, 0.5, 0.9, 0.99]) {
        const e = errorOf(name, full.subarray(0, Math.floor(full.length * keep)));
        expect(e.toLine()).toBe(`${name}: the file is a damaged or truncated zip (XLSX/DOCX) archive`);
        expect(e.messageVi).toBe("tệp XLSX/DOCX bị hỏng hoặc không đầy đủ (bị cắt cụt)");
      }
    }
  });

  test("a Word document with only the national-motto table is not a matrix", () => {
    const xml = (body: string) =>
      enc(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
    const motto = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>UBND TỈNH</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
    const e = errorOf("cv.docx", zipSync({ "word/document.xml": xml(motto) }));
    expect(e.toLine()).toMatch(/^cv\.docx: no inspection matrix found/);
  });

  test("an unknown label names its row and the TT column", () => {
    const e = errorOf("m.tsv", enc(`${HEADER}I\tÁp dụng\t\t\n1\tPhạm vi\tRà soát\tQuyết định\n1a\tSai\tViệc\tHồ sơ\n`));
    expect([e.row, e.column]).toEqual([4, "1"]);
    expect(e.toLine()).toBe('m.tsv: row 4, column 1: unrecognised label "1a" in the TT column (expected I, II…, 1, 2… or a, b…)');
    expect(e.toLineVi()).toBe('m.tsv: dòng 4, cột 1: số thứ tự "1a" ở cột TT không hợp lệ (cần I, II…, 1, 2… hoặc a, b…)');
  });

  test("a criterion with no item above it names its row and the activity column (spreadsheet letters in XLSX)", async () => {
    const e = errorOf("m.tsv", enc(`${HEADER}I\tÁp dụng\t\t\n\t\tRà soát\tQuyết định\n`));
    expect(e.toLine()).toBe("m.tsv: row 3, column 3: criterion has no item above it (no numbered row in the TT column)");
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("PL");
    ws.addRows([["Nội dung", "TT", "Nội dung thực hiện"], ["Áp dụng", "I", ""], ["Phạm vi", "1", "Rà soát"], ["Phạm vi", "1", "Lặp"]]);
    const x = errorOf("m.xlsx", new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(x.toLine()).toBe("m.xlsx: row 4, column B: item I.1 appears twice");
  });

  test("a header with nothing under it", () => {
    expect(errorOf("m.tsv", enc(HEADER)).toLine()).toBe("m.tsv: row 1: the table has a header but no section or item rows under it");
  });

  test("an unclosed CSV quote names its row", () => {
    const e = errorOf("m.csv", enc('TT,Nội dung,Nội dung thực hiện\nI,Áp dụng,\n1,"Phạm vi,Rà soát\n'));
    expect(e.toLine()).toMatch(/^m\.csv: row 3: CSV quote is never closed/);
  });

  test("a header row missing the TT column or every content column says which, and where", async () => {
    const noTt = errorOf("m.tsv", enc("PHỤ LỤC I\nNội dung\tNội dung thực hiện\tKết quả đạt được\nÁp dụng\tRà soát\tQuyết định\n"));
    expect(noTt.toLine()).toBe("m.tsv: row 2: the header row has no TT column (TT / STT)");
    expect(noTt.toLineVi()).toBe("m.tsv: dòng 2: dòng tiêu đề không có cột TT (TT / STT)");
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Ghi chú").getCell("A1").value = "Xem trang sau";
    wb.addWorksheet("PL").addRows([["Phụ lục I"], [], ["STT", "Kết quả đạt được", "Thời gian"], ["I", "Quyết định", ""]]);
    const noContent = errorOf("m.xlsx", new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(noContent.toLine()).toBe('m.xlsx: row 3: sheet "PL": the header row has no content column (Nội dung / Nội dung kiểm tra / Nội dung thực hiện)');
  });

  test("a Word document without any table, and a workbook whose sheets are all empty", async () => {
    const { Document, Packer, Paragraph } = await import("docx");
    const doc = new Document({ sections: [{ children: [new Paragraph("KẾ HOẠCH kiểm tra năm 2024"), new Paragraph("Phụ lục I gửi kèm sau.")] }] });
    const noTable = errorOf("kh.docx", new Uint8Array(await Packer.toBuffer(doc)));
    expect(noTable.toLine()).toBe("kh.docx: the document has no table: the matrix must be a table in the Word document");
    expect(noTable.messageVi).toBe("văn bản không có bảng nào: phụ lục phải là một bảng trong văn bản Word");
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    wb.addWorksheet("Sheet2");
    const empty = errorOf("rong.xlsx", new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(empty.toLine()).toBe("rong.xlsx: every sheet of the workbook is empty");
    expect(empty.messageVi).toBe("mọi trang của bảng tính đều trống");
  });

  test("a text file that is no matrix is told so, even with a stray quote that is no CSV quote", () => {
    const notes = '# Ghi chú\n\nĐoàn kiểm tra "liên ngành, họp ngày 5/9.\nMang theo biên bản năm trước.\n';
    expect(errorOf("ghi-chu.md", enc(notes)).toLine()).toBe(
      "ghi-chu.md: no inspection matrix found: no table has a header row with a TT column and a content column (Nội dung …)",
    );
  });

  test("TCVN3 text stored as Latin-1 characters (XLSX typed in .VnTime, CSV re-saved as UTF-8) is refused, not imported garbled", async () => {
    const vnTime = (s: string) => new TextDecoder("latin1").decode(encodeTcvn3(s));
    expect(vnTime("Phạm vi áp dụng")).toBe("Ph¹m vi ¸p dông");
    const line = "the text is in the legacy TCVN3 (ABC) encoding; convert it to Unicode (UTF-8), e.g. with Unikey's converter, and import again";
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("PL").addRows([
      ["TT", "Nội dung", "Nội dung thực hiện", "Kết quả đạt được"],
      ["I", vnTime("Áp dụng hệ thống quản lý chất lượng")],
      [1, vnTime("Phạm vi áp dụng"), vnTime("Rà soát phạm vi áp dụng"), vnTime("Quyết định công bố")],
    ]);
    const body = errorOf("vntime.xlsx", new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(body.toLine()).toBe(`vntime.xlsx: row 2: ${line}`);
    expect(body.messageVi).toBe("văn bản dùng bảng mã cũ TCVN3 (ABC); hãy chuyển sang Unicode (UTF-8), ví dụ bằng công cụ chuyển mã của Unikey, rồi nhập lại");
    // Header typed in .VnTime too: no header is recognised, and the refusal still names the encoding.
    const csv = [vnTime("TT,Nội dung,Nội dung thực hiện"), vnTime("I,Áp dụng hệ thống,"), vnTime("1,Phạm vi áp dụng,Rà soát phạm vi")].join("\r\n");
    expect(errorOf("utf8.csv", enc(csv)).toLine()).toBe(`utf8.csv: row 1: ${line}`);
  });
});
