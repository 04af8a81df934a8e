/** `npm run report -- record <inspection.json> --out <file.pdf>` and friends; see cli/runReportCli.ts. */
import { runReportCli } from "./cli/runReportCli";

const code = await runReportCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
});
process.exitCode = code;
