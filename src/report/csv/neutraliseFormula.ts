import { startsLikeFormula } from "./startsLikeFormula";

/** Spreadsheet formula-injection guard (OWASP CSV injection): a leading apostrophe makes such text plain text. */
export function neutraliseFormula(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}
