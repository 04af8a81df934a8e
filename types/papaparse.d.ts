// The part of papaparse that src/checklists/parseText.ts uses. tsconfig.browser.json maps "papaparse" here because
// @types/papaparse references Node's types, which would make Node's globals (process, Buffer) visible to browser code.
export interface ParseConfig {
  delimiter?: string;
  delimitersToGuess?: string[];
  quoteChar?: string;
  skipEmptyLines?: boolean | "greedy";
}
export interface ParseError {
  type: string;
  code: string;
  message: string;
  row?: number;
}
export interface ParseResult<T> {
  data: T[];
  errors: ParseError[];
  meta: { delimiter: string; linebreak: string; aborted: boolean; truncated: boolean };
}
declare const Papa: { parse<T>(input: string, config?: ParseConfig): ParseResult<T> };
export default Papa;
