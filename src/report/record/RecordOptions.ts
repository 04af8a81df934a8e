/** What a caller may change about an inspection record without changing the export. */
export interface RecordOptions {
  /** Extra legal bases placed before the inspection decision ("Căn cứ …", no final punctuation needed). */
  legalBases?: string[];
  /** Leave the evidence-photo appendix out even when the export carries photos. */
  photos?: boolean;
  /** Font for the benchmark baseline only; records are always Tinos. */
  font?: "tinos" | "helvetica";
}
