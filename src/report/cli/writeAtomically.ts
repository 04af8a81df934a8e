import { renameSync, rmSync, writeFileSync } from "node:fs";
import { CliError } from "./CliError";

/** Writes to a temporary file beside the target and renames it, so a failure never leaves a partial file. */
export function writeAtomically(file: string, data: Uint8Array | string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = (e as { code?: string }).code;
    const reason = { ENOENT: "no such directory", EISDIR: "is a directory", EACCES: "permission denied", ENOSPC: "disk full" }[code ?? ""];
    throw new CliError(`cannot write ${file}: ${reason ?? code ?? "write error"}`);
  }
}
