/**
 * A table as a reader found it, before any meaning is given to it. A cell covered by a merged range carries its
 * anchor's text and where the anchor is: `left` (same row) or `above` (an earlier row).
 */
export interface RawTable {
  rows: RawRow[];
  /** Text found before the table (title paragraphs of a document); rows above the header are added later. */
  preamble: string[];
  /** How columns are named in messages: spreadsheet letters or 1-based numbers. */
  columnStyle: "letter" | "number";
  /** Prefix for row numbers in messages, e.g. "table 2, " for the second table of a document. */
  where?: string;
}

export interface RawRow {
  /** 1-based row number in the source (line, record, sheet row or table row). */
  row: number;
  cells: RawCell[];
}

export interface RawCell {
  text: string;
  merged?: "left" | "above";
}
