import type { DocumentHeader } from "../pdf/drawDocumentHeader";
import type { Signer } from "../pdf/drawClosing";
import type { AppendixHeading } from "../pdf/drawPhotoAppendix";

export interface RecordCheckRow {
  code: string;
  criterion: string;
  result: string;
  note: string;
  evidence: string;
}
export interface RecordCheckGroup {
  /** "1. Phạm vi áp dụng …" (the item) */
  heading: string;
  rows: RecordCheckRow[];
}
export interface RecordCheckSection {
  heading: string;
  groups: RecordCheckGroup[];
}
export interface RecordActionRow {
  n: string;
  problem: string;
  action: string;
  owner: string;
  due: string;
}
export interface RecordPhoto {
  caption: string;
  mime: string;
  /** base64 image bytes */
  data: string;
  width: number | null;
  height: number | null;
}

/** Everything the inspection record (Mẫu 21 BBKT) says, as plain NFC strings, ready to be drawn. */
export interface InspectionRecordModel {
  meta: { title: string; subject: string; author: string; date: string | undefined };
  header: DocumentHeader;
  title: string;
  subject: string;
  legalBases: string[];
  opening: string;
  /** I. Time, place, and those present. */
  presence: { heading: string; time: string; place: string; teamHeading: string; team: string[]; agencyHeading: string; agency: string[] };
  /** II. What was checked. */
  checks: { heading: string; intro: string; sections: RecordCheckSection[]; summary: string };
  /** III. Problems found. */
  problems: { heading: string; nonconformities: string[]; observations: string[]; none: string };
  /** IV. Corrective actions. */
  actions: { heading: string; intro: string; rows: RecordActionRow[]; none: string };
  /** V–VII: typed text, or "" for dotted lines to be filled in by hand. */
  conclusion: { heading: string; text: string };
  recommendations: { heading: string; text: string };
  comments: { heading: string; text: string };
  closingStatement: string;
  /** Not yet finalized: every page carries "DỰ THẢO". */
  draft: boolean;
  signers: Signer[];
  recipients: string[];
  photos: { heading: AppendixHeading; items: RecordPhoto[] };
}
