/**
 * `npm run checklist -- import <file> [--id … --version … --title … --source …]`: prints the checklist JSON.
 * `npm run checklist -- schema`: writes checklists/htqlcl-checklist-1.schema.json from the zod schemas.
 * `npm run checklist -- lock`: records the content hash of newly published checklists/<id>@<version>.json.
 * On bad input: exit 1 and one line on stderr, `<file>: row R, column C: message`; never a stack trace.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ChecklistImportError } from "./ChecklistImportError";
import { checklistJsonSchema } from "./checklistJsonSchema";
import { importChecklist } from "./importChecklist";
import type { ImportOptions } from "./ImportOptions";
import { PUBLISHED_FILE } from "./PUBLISHED_FILE";

const CHECKLISTS_DIR = join(dirname(fileURLToPath(import.meta.url)), "../../checklists");
const LOCK = join(CHECKLISTS_DIR, "published.lock.json");

function writeJsonSchema(): string {
  const path = join(CHECKLISTS_DIR, "htqlcl-checklist-1.schema.json");
  writeFileSync(path, `${JSON.stringify(checklistJsonSchema(), null, 2)}\n`);
  return `wrote ${path}`;
}

/** Adds the hash of every published file not yet locked; an existing entry is never changed. */
function lockPublished(): string[] {
  const lock = JSON.parse(readFileSync(LOCK, "utf8")) as Record<string, string>;
  const added: string[] = [];
  for (const name of readdirSync(CHECKLISTS_DIR).filter((f) => PUBLISHED_FILE.test(f)).sort()) {
    if (lock[name]) continue;
    lock[name] = createHash("sha256").update(readFileSync(join(CHECKLISTS_DIR, name))).digest("hex");
    added.push(`locked ${name}`);
  }
  writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
  return added.length > 0 ? added : ["nothing new to lock"];
}

const USAGE = "usage: npm run checklist -- import <file> [--id ID] [--version V] [--title T] [--source DOC] [--unscored I,II] | schema | lock";

function parseArgs(args: string[]): { positional: string[]; flags: Record<string, string> } {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith("--")) {
      const [name, inline] = a.slice(2).split("=", 2) as [string, string | undefined];
      const value = inline ?? args[++i];
      if (value === undefined) throw new Error(`option --${name} needs a value`);
      flags[name] = value;
    } else positional.push(a);
  }
  return { positional, flags };
}

function main(argv: string[]): number {
  const { positional, flags } = parseArgs(argv);
  const [command, file] = positional;
  if (command === "schema") {
    process.stdout.write(`${writeJsonSchema()}\n`);
    return 0;
  }
  if (command === "lock") {
    for (const line of lockPublished()) process.stdout.write(`${line}\n`);
    return 0;
  }
  if (command !== "import" || !file) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (positional.length > 2) throw new Error(`unexpected argument ${positional[2]} (one file at a time)`);
  const known = new Set(["id", "version", "title", "source", "unscored"]);
  const unknown = Object.keys(flags).find((f) => !known.has(f));
  if (unknown) throw new Error(`unknown option --${unknown}`);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    process.stderr.write(`${file}: cannot read the file (${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (code ?? "error")})\n`);
    return 1;
  }
  const options: ImportOptions = {
    ...(flags.id ? { id: flags.id } : {}),
    ...(flags.version ? { version: flags.version } : {}),
    ...(flags.title ? { title: flags.title } : {}),
    ...(flags.source ? { source: { document: flags.source } } : {}),
    ...(flags.unscored ? { unscoredSections: flags.unscored.split(",").map((s) => s.trim()) } : {}),
  };
  const { checklist, warnings } = importChecklist({ name: file, bytes }, options);
  for (const w of warnings) process.stderr.write(`warning: ${w.row !== undefined ? `row ${w.row}: ` : ""}${w.message}\n`);
  process.stdout.write(`${JSON.stringify(checklist, null, 2)}\n`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (e instanceof ChecklistImportError) process.stderr.write(`${e.toLine()}\n`);
  else process.stderr.write(`checklist: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}\n`);
  process.exitCode = 1;
}
