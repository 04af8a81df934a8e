import { actionsCsv } from "../actionsCsv";
import { DocumentRefusedError } from "../DocumentRefusedError";
import { DOCUMENT_FORMAT, DOCUMENT_KINDS, renderDocumentFile, type DocumentFile } from "../documentFile";
import { inspectionsXlsx } from "../inspectionsXlsx";
import { renderDeskReviewLetter } from "../renderDeskReviewLetter";
import { renderInspectionRecord } from "../renderInspectionRecord";
import { renderTeamReport } from "../renderTeamReport";
import { resultsCsv } from "../resultsCsv";
import { CliError } from "./CliError";
import { readDocumentFile } from "./readDocumentFile";
import { readExport } from "./readExport";
import { readJsonFile } from "./readJsonFile";
import { writeAtomically } from "./writeAtomically";

export const USAGE =
  "usage: npm run report -- <record|letter|team-report|plan|notice|province-report|ministry-report|results-csv|actions-csv|xlsx> <file>... --out <file> [--no-photos]";

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** `npm run report -- …`; returns the exit code. Renders with exactly the functions the app imports. */
export async function runReportCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    const files: string[] = [];
    let out: string | undefined;
    let photos = true;
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i]!;
      if (a === "--out" || a === "-o") {
        out = rest[++i];
        if (!out) throw new CliError("--out needs a file name");
      } else if (a === "--no-photos") photos = false;
      else if (a.startsWith("-")) throw new CliError(`unknown option ${a}; ${USAGE}`);
      else files.push(a);
    }
    if (command === "--help" || command === "-h") {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (!command) throw new CliError(`no command given; ${USAGE}`);
    const known = ["record", "letter", "team-report", "plan", "notice", "province-report", "ministry-report", "results-csv", "actions-csv", "xlsx"];
    if (!known.includes(command)) throw new CliError(`unknown command ${command}; ${USAGE}`);
    if (files.length === 0) throw new CliError(`${command} needs an inspection export file; ${USAGE}`);
    const single = ["record", "letter", "plan", "notice", "province-report", "ministry-report"];
    if (single.includes(command) && files.length > 1) throw new CliError(`${command} takes one file, got ${files.length}`);
    const binary = !command.endsWith("-csv");
    if (binary && !out) throw new CliError(`${command} needs --out <file>`);
    const jsons = files.map((f) => readJsonFile(f));
    const isDocument = (j: unknown) => !!j && typeof j === "object" && (j as { format?: unknown }).format === DOCUMENT_FORMAT;
    // Documents the DOST console makes come as its document file; the letter and the team report also render
    // straight from the app's inspection exports (the tablet's draft).
    if ((DOCUMENT_KINDS as readonly string[]).includes(command) && (isDocument(jsons[0]) || !["letter", "team-report"].includes(command))) {
      if (jsons.length > 1) throw new CliError(`${command} takes one document file, got ${jsons.length}`);
      const data = renderDocumentFile(readDocumentFile(files[0]!, jsons[0], command as DocumentFile["kind"]));
      writeAtomically(out!, data);
      io.stderr(`wrote ${out} (${data.length} bytes)\n`);
      return 0;
    }
    const exps = files.map((f, i) => readExport(f, jsons[i]));
    const first = exps[0]!;
    let data: Uint8Array | string;
    if (command === "record") data = await renderInspectionRecord(first, { photos });
    else if (command === "letter") data = await renderDeskReviewLetter(first);
    else if (command === "team-report") data = await renderTeamReport(exps);
    else if (command === "results-csv") data = resultsCsv(exps);
    else if (command === "actions-csv") data = actionsCsv(exps);
    else data = inspectionsXlsx(exps);
    if (out) {
      writeAtomically(out, data);
      io.stderr(`wrote ${out} (${typeof data === "string" ? new TextEncoder().encode(data).length : data.length} bytes)\n`);
    } else io.stdout(data as string);
    return 0;
  } catch (e) {
    const msg = e instanceof CliError || e instanceof DocumentRefusedError ? e.message : `failed: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`;
    io.stderr(`report: ${msg}\n`);
    return 1;
  }
}
