import { readFileSync } from "node:fs";
import { CliError } from "./CliError";

/** A JSON file's value, or a one-line English failure (missing, a directory, not JSON). */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new CliError(`cannot read ${file}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (code ?? "read error")}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/u, ""));
  } catch (e) {
    throw new CliError(`${file} is not valid JSON: ${(e as Error).message.split("\n")[0]}`);
  }
}
