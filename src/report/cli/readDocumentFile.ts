import { DOCUMENT_FORMAT, DocumentFileSchema, type DocumentFile } from "../documentFile";
import { CliError } from "./CliError";

/** Validates an `htqlcl-document/1` value of the expected kind, failing with a one-line English message. */
export function readDocumentFile(file: string, json: unknown, kind: DocumentFile["kind"]): DocumentFile {
  if (!json || typeof json !== "object" || (json as { format?: unknown }).format !== DOCUMENT_FORMAT)
    throw new CliError(`${file} is not a document file: "format" must be "${DOCUMENT_FORMAT}" (the file the DOST console saves beside the PDF)`);
  const got = (json as { kind?: unknown }).kind;
  if (got !== kind) throw new CliError(`${file} is a ${typeof got === "string" ? `"${got}"` : "document of no kind"} file, not "${kind}"`);
  const parsed = DocumentFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.length ? issue.path.join(".") : "(root)";
    throw new CliError(`${file} is not a valid ${DOCUMENT_FORMAT} file: at ${path}: ${(issue?.message ?? "invalid").split("\n")[0]}`);
  }
  return parsed.data;
}
