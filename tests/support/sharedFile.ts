import { existsSync } from "node:fs";
import { resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");

/** A file of the project's shared documents (`../shared` beside the checkout, as in CI), e.g. "seeds/002_….txt". */
export function sharedFile(rel: string): string {
  for (const base of [resolve(ROOT, "../shared"), "/work/shared"]) {
    const p = resolve(base, rel);
    if (existsSync(p)) return p;
  }
  throw new Error(`shared document ${rel} not found beside the checkout (../shared) — the tests need it`);
}
