import { actionsCsv } from "../actionsCsv";
import { DocumentRefusedError } from "../DocumentRefusedError";
import { inspectionsXlsx } from "../inspectionsXlsx";
import { renderDeskReviewLetter } from "../renderDeskReviewLetter";
import { renderInspectionRecord } from "../renderInspectionRecord";
import { renderTeamReport } from "../renderTeamReport";
import { resultsCsv } from "../resultsCsv";
import { CliError } from "./CliError";
import { readExport } from "./readExport";
import { writeAtomically } from "./writeAtomically";

export const USAGE =
  "usage: npm run report -- <record|letter|team-report|results-csv|actions-csv|xlsx> <inspection.json>... --out <file> [--no-photos]";

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
    const known = ["record", "letter", "team-report", "results-csv", "actions-csv", "xlsx"];
    if (!known.includes(command)) throw new CliError(`unknown command ${command}; ${USAGE}`);
    if (files.length === 0) throw new CliError(`${command} needs an inspection export file; ${USAGE}`);
    if (["record", "letter"].includes(command) && files.length > 1) throw new CliError(`${command} takes one inspection export, got ${files.length}`);
    const binary = !command.endsWith("-csv");
    if (binary && !out) throw new CliError(`${command} needs --out <file>`);
    const exps = files.map(readExport);
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
