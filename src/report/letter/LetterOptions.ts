/** Who signs and registers a desk-review letter; everything else comes from the export. */
export interface LetterOptions {
  /** Registered number ("" leaves "…" to fill in). */
  number?: string;
  /** Letter date (ISO); defaults to the inspection's signing or start date. */
  date?: string;
  /** Reply deadline (ISO); defaults to two months after the letter date. */
  replyBy?: string;
  /** Signer authority lines and name, e.g. { heading: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], name: "…" }. */
  signer?: { heading: string[]; name: string };
}
