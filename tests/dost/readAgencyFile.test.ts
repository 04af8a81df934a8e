import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readAgencyFile, readAgencyText } from "../../src/checklists/readAgencyFile";
import { writeXlsx } from "../../src/report/xlsx/writeXlsx";

const TABLE = [
  ["STT", "Tên đơn vị", "Đơn vị chủ quản", "Năm"],
  ["1", "UBND xã Trung Lý", "Huyện Mường Lát", "2023"],
  ["2", "UBND xã Mường Lý", "", "2023"],
  ["3", "Sở Tư pháp", "UBND tỉnh Thanh Hóa", ""],
];
const expected = [
  ["UBND xã Trung Lý", "Huyện Mường Lát", 2023],
  ["UBND xã Mường Lý", "Huyện Mường Lát", 2023],
  ["Sở Tư pháp", "UBND tỉnh Thanh Hóa", null],
];
const shape = (r: ReturnType<typeof readAgencyText>) => r.rows.map((x) => [x.name, x.parentName, x.cohortYear]);

describe("registry import through the checklist library's readers", () => {
  it("reads CSV (comma or semicolon) and TSV", () => {
    expect(shape(readAgencyText(TABLE.map((r) => r.map((c) => `"${c}"`).join(",")).join("\n")))).toEqual(expected);
    expect(shape(readAgencyFile("ds.csv", new TextEncoder().encode(TABLE.map((r) => r.join(";")).join("\r\n"))))).toEqual(expected);
    expect(shape(readAgencyText(TABLE.map((r) => r.join("\t")).join("\n")))).toEqual(expected);
  });

  it("reads XLSX from this app's writer (inline strings) and from ExcelJS (shared strings)", async () => {
    expect(shape(readAgencyFile("ds.xlsx", writeXlsx([{ name: "DS", rows: TABLE }])))).toEqual(expected);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Danh sách");
    ws.addRow(["DANH SÁCH CƠ QUAN ÁP DỤNG HTQLCL"]);
    TABLE.forEach((r, n) => ws.addRow(r.map((c, i) => (n > 0 && i === 3 && c ? Number(c) : c))));
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(shape(readAgencyFile("ds.xlsx", bytes))).toEqual(expected);
  });

  it("bad files give Vietnamese warnings, never exceptions", () => {
    const zip = readAgencyFile("hong.xlsx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(zip.rows).toEqual([]);
    expect(zip.warnings[0]).toMatch(/^hong\.xlsx: /);
    const noHeader = readAgencyText("a,b\n1,2\n");
    expect(noHeader.rows).toEqual([]);
    expect(noHeader.warnings).toEqual(["Không tìm thấy dòng tiêu đề có cột tên đơn vị và đơn vị chủ quản."]);
    const quote = readAgencyText('TT,Tên đơn vị,Đơn vị chủ quản\n1,"UBND xã A,Huyện B\n');
    expect(quote.rows).toEqual([]);
    expect(quote.warnings[0]).toContain("dấu ngoặc kép");
  });
});
