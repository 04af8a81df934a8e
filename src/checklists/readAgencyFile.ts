import { unzipSync } from "fflate";
import { decodeText } from "./decodeText";
import { parseText } from "./parseText";
import { readDocx } from "./readDocx";
import { readXlsx } from "./readXlsx";
import { agencyRowsFromTable } from "../domain/agencyRowsFromTable";
import { parseAgencyList, type AgencyListParse } from "../domain/parseAgencyList";

/**
 * An agency list from a file or pasted text: a provincial plan's appendix (seed 003: TT, name and parent unit one
 * cell per line), CSV/TSV, an XLSX workbook or the tables of a DOCX document. Reuses the checklist library's readers; every problem becomes a
 * Vietnamese warning, never an exception.
 */
export function readAgencyFile(name: string, bytes: Uint8Array): AgencyListParse {
  try {
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
      const files = unzipSync(bytes, { filter: (f) => f.name.endsWith(".xml") || f.name.endsWith(".rels") });
      const tables = files["word/document.xml"] ? readDocx(files, name) : readXlsx(files, name);
      let last: AgencyListParse = { rows: [], warnings: ["Tệp không có bảng nào."] };
      for (const t of tables) {
        last = agencyRowsFromTable(t.rows.map((r) => r.cells.map((c) => c.text)));
        if (last.rows.length > 0) return last;
      }
      return last;
    }
    const text = decodeText(bytes, name);
    return readAgencyText(text, name);
  } catch (err) {
    const vi = err && typeof err === "object" && "messageVi" in err ? String((err as { messageVi: unknown }).messageVi) : "không đọc được tệp";
    return { rows: [], warnings: [`${name}: ${vi}.`] };
  }
}

/** Pasted or decoded text: the appendix layout when it has one (a "TT" cell on its own line), else a CSV/TSV table. */
export function readAgencyText(text: string, name = "văn bản dán vào"): AgencyListParse {
  if (/^\s*S?TT\s*$/m.test(text)) {
    const list = parseAgencyList(text);
    if (list.rows.length > 0) return list;
  }
  // The checklist reader forgives a stray quote in text that is no matrix; a list of agencies is refused instead,
  // so a broken CSV never publishes names with a quote in them.
  if (!text.includes("\t") && (text.match(/"/g) ?? []).length % 2 === 1) {
    return { rows: [], warnings: [`${name}: dấu ngoặc kép trong tệp CSV không được đóng.`] };
  }
  try {
    const table = parseText(text, name);
    return agencyRowsFromTable(table.rows.map((r) => r.cells.map((c) => c.text)));
  } catch (err) {
    const vi = err && typeof err === "object" && "messageVi" in err ? String((err as { messageVi: unknown }).messageVi) : "không đọc được nội dung";
    return { rows: [], warnings: [`${name}: ${vi}.`] };
  }
}
