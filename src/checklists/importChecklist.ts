import { unzipSync, type Unzipped } from "fflate";
import type { Checklist } from "../domain/checklist";
import { buildChecklist } from "./buildChecklist";
import { ChecklistImportError } from "./ChecklistImportError";
import { decodeText } from "./decodeText";
import { findHeader } from "./findHeader";
import type { ImportOptions } from "./ImportOptions";
import type { ImportWarning } from "./ImportWarning";
import { looksLikeTcvn3 } from "./looksLikeTcvn3";
import { missingHeaderColumn } from "./missingHeaderColumn";
import { parseText } from "./parseText";
import type { RawTable } from "./RawTable";
import { readDocx } from "./readDocx";
import { readXlsx } from "./readXlsx";
import { tcvn3Error } from "./tcvn3Error";

export type MatrixFormat = "text" | "xlsx" | "docx";

const startsWith = (bytes: Uint8Array, magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);

function refuse(file: string, message: string, messageVi: string): never {
  throw new ChecklistImportError({ file, message, messageVi });
}

function unzip(bytes: Uint8Array, file: string): Unzipped {
  try {
    // Only the parts the readers use are inflated: media and the like are skipped.
    return unzipSync(bytes, { filter: (f) => f.name.endsWith(".xml") || f.name.endsWith(".rels") });
  } catch {
    return refuse(file, "the file is a damaged or truncated zip (XLSX/DOCX) archive", "tệp XLSX/DOCX bị hỏng hoặc không đầy đủ (bị cắt cụt)");
  }
}

/** The tables of a file, whatever its format, detected from its bytes rather than its name. */
function tablesOf(bytes: Uint8Array, file: string): { format: MatrixFormat; tables: RawTable[] } {
  if (bytes.length === 0) refuse(file, "the file is empty", "tệp rỗng");
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const files = unzip(bytes, file);
    if (files["xl/workbook.xml"]) return { format: "xlsx", tables: readXlsx(files, file) };
    if (files["word/document.xml"]) return { format: "docx", tables: readDocx(files, file) };
    refuse(file, "the zip archive is neither an XLSX workbook nor a DOCX document", "tệp nén không phải bảng tính XLSX hay văn bản DOCX");
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    refuse(file, "old binary .xls/.doc files are not supported; save the file as .xlsx or .docx", "không đọc được tệp .xls/.doc định dạng cũ; hãy lưu lại thành .xlsx hoặc .docx");
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    refuse(file, "PDF is not supported; use the Word, Excel or text version of the matrix", "không đọc được tệp PDF; hãy dùng bản Word, Excel hoặc văn bản của phụ lục");
  }
  const head = bytes.subarray(0, 4096);
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  let control = 0;
  for (const b of head) if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)) control++;
  if (!utf16 && control > 0) {
    refuse(file, "the file is not a spreadsheet, a document or text (binary content)", "tệp không phải bảng tính, văn bản Word hay văn bản thuần (nội dung nhị phân)");
  }
  const text = decodeText(bytes, file);
  if (text.trim() === "") refuse(file, "the file is empty", "tệp rỗng");
  return { format: "text", tables: [parseText(text, file)] };
}

/**
 * Reads an inspection matrix (Phụ lục I) from pasted text/TSV, CSV, XLSX or DOCX into an `htqlcl-checklist/1`
 * checklist. Pure: runs unchanged in the browser and in Node. Throws `ChecklistImportError` on bad input.
 */
export function importChecklist(
  input: { name: string; bytes: Uint8Array },
  options: ImportOptions = {},
): { checklist: Checklist; warnings: ImportWarning[]; format: MatrixFormat } {
  const file = input.name;
  let read: { format: MatrixFormat; tables: RawTable[] };
  try {
    read = tablesOf(input.bytes, file);
    for (const table of read.tables) {
      const header = findHeader(table);
      if (!header) continue;
      refuseTcvn3(table, file);
      const warnings: ImportWarning[] = [];
      return { checklist: buildChecklist(table, header, file, options, warnings), warnings, format: read.format };
    }
  } catch (e) {
    if (e instanceof ChecklistImportError) throw e;
    // A library tripping over a malformed file is still bad input, told in one line.
    const detail = e instanceof Error ? e.message.split("\n")[0] : String(e);
    return refuse(file, `the file could not be read (${detail})`, "không đọc được nội dung tệp (tệp bị hỏng hoặc sai định dạng)");
  }
  return refuseNoMatrix(read, file);
}

const textOf = (rows: RawTable["rows"]): string => rows.map((r) => r.cells.map((c) => c.text).join("\t")).join("\n");

/** Refuses a table typed in the TCVN3 fonts, naming its first such row, rather than import it garbled. */
function refuseTcvn3(table: RawTable, file: string): void {
  if (!looksLikeTcvn3(`${table.preamble.join("\n")}\n${textOf(table.rows)}`)) return;
  const first = table.rows.find((r) => looksLikeTcvn3(textOf([r]), { least: 1, share: 0 }));
  throw tcvn3Error(file, { ...(table.where ? { where: table.where } : {}), ...(first ? { row: first.row } : {}) });
}

/** Says as precisely as it can why no table of the file is a matrix. */
function refuseNoMatrix({ format, tables }: { format: MatrixFormat; tables: RawTable[] }, file: string): never {
  for (const table of tables) refuseTcvn3(table, file);
  if (tables.every((t) => textOf(t.rows).trim() === "")) {
    if (format === "docx") refuse(file, "the document has no table: the matrix must be a table in the Word document", "văn bản không có bảng nào: phụ lục phải là một bảng trong văn bản Word");
    if (format === "xlsx") refuse(file, "every sheet of the workbook is empty", "mọi trang của bảng tính đều trống");
  }
  for (const table of tables) {
    const miss = missingHeaderColumn(table);
    if (!miss) continue;
    const where = table.where ?? "";
    throw new ChecklistImportError(
      miss.missing === "label"
        ? { file, row: miss.row, message: `${where}the header row has no TT column (TT / STT)`, messageVi: `${where}dòng tiêu đề không có cột TT (TT / STT)` }
        : {
            file,
            row: miss.row,
            message: `${where}the header row has no content column (Nội dung / Nội dung kiểm tra / Nội dung thực hiện)`,
            messageVi: `${where}dòng tiêu đề không có cột nội dung (Nội dung / Nội dung kiểm tra / Nội dung thực hiện)`,
          },
    );
  }
  return refuse(
    file,
    "no inspection matrix found: no table has a header row with a TT column and a content column (Nội dung …)",
    "không tìm thấy bảng nội dung kiểm tra: không bảng nào có dòng tiêu đề với cột TT và cột Nội dung",
  );
}
