import { readFileSync } from "node:fs";
import { InspectionExportSchema } from "../../domain/inspectionExport";
import type { InspectionExport } from "../../domain/inspectionExport";
import { CliError } from "./CliError";

/** Reads and validates an `htqlcl-inspection/1` file, failing with a one-line English message. */
export function readExport(file: string): InspectionExport {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new CliError(`cannot read ${file}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (code ?? "read error")}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/u, ""));
  } catch (e) {
    throw new CliError(`${file} is not valid JSON: ${(e as Error).message.split("\n")[0]}`);
  }
  if (!json || typeof json !== "object" || (json as { format?: unknown }).format !== "htqlcl-inspection/1")
    throw new CliError(`${file} is not an inspection export: "format" must be "htqlcl-inspection/1"`);
  const parsed = InspectionExportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.length ? issue.path.join(".") : "(root)";
    throw new CliError(`${file} is not a valid htqlcl-inspection/1 export: at ${path}: ${(issue?.message ?? "invalid").split("\n")[0]}`);
  }
  return parsed.data;
}
