import type { DostIssuer } from "../../domain/DostIssuer";

/** Who issues and registers a desk-review letter; everything else comes from the export. */
export interface LetterOptions {
  /** The inspecting unit that issues the letter (the Sở or its Chi cục), from the DOST console's settings. Without
   * it the letter is a draft under "SỞ KHOA HỌC VÀ CÔNG NGHỆ" with the export's parent body and place. */
  issuer?: DostIssuer;
  /** Registered number ("" leaves "…" to fill in). */
  number?: string;
  /** Letter date (ISO); defaults to the inspection's signing or start date. */
  date?: string;
  /** Reply deadline (ISO); defaults to two months after the letter date. */
  replyBy?: string;
  /** Mark every page "DỰ THẢO" (the tablet's copy: the letter is signed at the Sở). */
  draft?: boolean;
}
