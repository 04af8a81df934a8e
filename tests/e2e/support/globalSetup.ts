import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { buildApp } from "./buildApp";
import { ensureChromium } from "./ensureChromium";

const ROOT = resolve(import.meta.dirname, "../../..");

/** Builds unless E2E_REUSE_BUILD=1 and the build is already there (a quicker loop while writing tests). */
function build(outDir: string, buildId: string): string {
  const out = resolve(ROOT, outDir);
  if (process.env.E2E_REUSE_BUILD === "1" && existsSync(resolve(out, "index.html"))) return out;
  return buildApp(outDir, buildId);
}

/** Once per run: Chromium present, and two builds of the app (the second stands for a new deployment). */
export default function setup(project: TestProject): void {
  ensureChromium();
  project.provide("distA", build(".tmp/e2e/dist-a", "e2e-a"));
  project.provide("distB", build(".tmp/e2e/dist-b", "e2e-b"));
}

declare module "vitest" {
  export interface ProvidedContext {
    distA: string;
    distB: string;
  }
}
