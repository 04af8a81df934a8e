import type { Closing } from "./drawClosing";
import type { DocumentHeader } from "./drawDocumentHeader";
import type { TableSpec } from "./drawTable";

export type DocumentBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string; style?: "normal" | "bold" | "italic"; indent?: boolean; align?: "justify" | "left" | "center" }
  | { kind: "table"; table: TableSpec }
  | { kind: "gap"; mm: number }
  /** Lines of dots to fill in by hand, where nothing was typed. */
  | { kind: "dotted"; lines: number };

/** A generic administrative document (letter, report, notice, plan) as plain strings, ready to draw. */
export interface DocumentModel {
  meta: { title: string; subject?: string; author?: string; date?: string };
  header: DocumentHeader;
  /** Title in capitals and its subject; letters (công văn) have none and carry a "V/v" summary in the header. */
  title?: string;
  subject?: string;
  /** "Kính gửi: …" lines, centred. */
  addressees?: string[];
  legalBases?: string[];
  blocks: DocumentBlock[];
  closing: Closing;
  /** Not yet issued: every page carries "DỰ THẢO". */
  draft?: boolean;
}
