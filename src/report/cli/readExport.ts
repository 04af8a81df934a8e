import { InspectionExportSchema } from "../../domain/inspectionExport";
import type { InspectionExport } from "../../domain/inspectionExport";
import { CliError } from "./CliError";
import { readJsonFile } from "./readJsonFile";

/** Reads and validates an `htqlcl-inspection/1` file, failing with a one-line English message. */
export function readExport(file: string, json: unknown = readJsonFile(file)): InspectionExport {
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
