/** What the caller knows about the checklist that the file does not say. */
export interface ImportOptions {
  id?: string;
  version?: string;
  title?: string;
  source?: { document?: string; url?: string; note?: string };
  /** Section codes to keep with `scored: false` beyond those detected as describing the inspection itself. */
  unscoredSections?: string[];
}
