import Papa from "papaparse";
import { ChecklistImportError } from "./ChecklistImportError";
import { findHeader } from "./findHeader";
import type { RawTable } from "./RawTable";

function tableOf(records: string[][]): RawTable {
  return { rows: records.map((cells, i) => ({ row: i + 1, cells: cells.map((t) => ({ text: t })) })), preamble: [], columnStyle: "number" };
}

/** One field of tab-separated text, honouring the quotes Excel and Word put around cells with line breaks. */
function splitTsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const n = text.length;
  while (i <= n) {
    let field = "";
    let end = -1;
    if (text[i] === '"') {
      // Quoted only if a closing quote is followed by a tab, a line end or the end of the text.
      let j = i + 1;
      let value = "";
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) break;
        if (text[q + 1] === '"') {
          value += text.slice(j, q + 1);
          j = q + 2;
          continue;
        }
        const after = text[q + 1];
        if (after === undefined || after === "\t" || after === "\n") {
          field = value + text.slice(j, q);
          end = q + 1;
        }
        break;
      }
    }
    if (end < 0) {
      let j = i;
      while (j < n && text[j] !== "\t" && text[j] !== "\n") j++;
      field = text.slice(i, j);
      end = j;
    }
    record.push(field);
    if (end >= n) {
      records.push(record);
      break;
    }
    if (text[end] === "\n") {
      records.push(record);
      record = [];
    }
    i = end + 1;
  }
  return records;
}

/**
 * Pasted text, TSV or CSV as a table. Text with tabs is tab-separated (as Word and Excel paste it);
 * otherwise it is CSV with the delimiter guessed among , ; | and quoted cells that may span lines.
 */
export function parseText(input: string, file: string): RawTable {
  const text = input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").replace(/\n$/, "");
  const sample = text.slice(0, 20000).split("\n");
  const tabbed = sample.filter((l) => l.includes("\t")).length;
  let records: string[][];
  if (tabbed > 0 && tabbed >= sample.filter((l) => l.trim() !== "").length / 3) {
    records = splitTsv(text);
  } else {
    const parsed = Papa.parse<string[]>(text, { delimiter: "", delimitersToGuess: [",", ";", "|", "\t"], skipEmptyLines: false });
    const broken = parsed.errors.find((e) => e.type === "Quotes");
    if (broken) {
      // A stray quote in a file that is no matrix at all (notes, Markdown) is not worth a CSV error: read it
      // without quotes, and if no header shows up, let the caller say that it is not a matrix.
      const plain = tableOf(Papa.parse<string[]>(text, { delimiter: "", delimitersToGuess: [",", ";", "|", "\t"], quoteChar: "\u0000" }).data);
      if (!findHeader(plain)) return plain;
      throw new ChecklistImportError({
        file,
        ...(broken.row !== undefined ? { row: broken.row + 1 } : {}),
        message: `CSV quote is never closed (${broken.message})`,
        messageVi: "dấu ngoặc kép trong tệp CSV không được đóng",
      });
    }
    records = parsed.data;
  }
  return tableOf(records);
}
