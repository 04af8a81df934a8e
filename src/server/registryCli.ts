/**
 * `npm run registry -- import <file> [--province <name, code or id>]`: prints the registry JSON of an agency list
 * (htqlcl-registry/1, docs/formats.md). Errors: one English line on stderr and a non-zero exit; never a stack trace.
 */
import { readFileSync } from "node:fs";
import { runRegistryCommand } from "./registry/runRegistryCommand";

try {
  const r = runRegistryCommand(process.argv.slice(2), (path) => readFileSync(path));
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.code;
} catch (e) {
  process.stderr.write(`registry: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}\n`);
  process.exitCode = 1;
}
