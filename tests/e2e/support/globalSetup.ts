import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { buildApp, buildServer } from "./buildApp";
import type { Engine } from "./Driver";
import { missingFor } from "./engineBinaries";
import { ensureChromium } from "./ensureChromium";

const ROOT = resolve(import.meta.dirname, "../../..");

/**
 * Builds unless E2E_REUSE_BUILD=1 and the build is already there (a quicker loop while writing tests). The three
 * engine projects share one build per run: their global setups run one after another in the same process.
 */
function build(outDir: string, buildId: string): string {
  const out = resolve(ROOT, outDir);
  const built = ((globalThis as { __e2eBuilt?: Set<string> }).__e2eBuilt ??= new Set());
  if (built.has(out) || (process.env.E2E_REUSE_BUILD === "1" && existsSync(resolve(out, "index.html")))) return out;
  buildApp(outDir, buildId);
  built.add(out);
  return out;
}

/** The compiled server, once per run (the projects' setups share this process). */
function serverBuild(): string {
  const g = globalThis as { __e2eServer?: string };
  const main = resolve(ROOT, ".tmp/e2e/server/main.js");
  if (process.env.E2E_REUSE_BUILD === "1" && existsSync(main)) return main;
  return (g.__e2eServer ??= buildServer(".tmp/e2e/server"));
}

/** The engine a project drives, from its name: "e2e-chromium", "e2e-webkit", "e2e-firefox". */
function engineOf(project: TestProject): Engine {
  const m = /^e2e-(chromium|webkit|firefox)$/.exec(project.name);
  if (!m) throw new Error(`e2e project "${project.name}" must be named e2e-chromium, e2e-webkit or e2e-firefox`);
  return m[1] as Engine;
}

/** Once per run and engine: the engine's browser present (a loud failure otherwise), and two builds of the app (the second stands for a new deployment). */
export default function setup(project: TestProject): void {
  const engine = engineOf(project);
  if (engine === "chromium") ensureChromium();
  const missing = missingFor(engine);
  if (missing) throw new Error(missing);
  project.provide("engine", engine);
  project.provide("distA", build(".tmp/e2e/dist-a", "e2e-a"));
  project.provide("distB", build(".tmp/e2e/dist-b", "e2e-b"));
  project.provide("serverMain", serverBuild());
}

declare module "vitest" {
  export interface ProvidedContext {
    engine: Engine;
    distA: string;
    distB: string;
    /** dist-server/main.js as `npm run build` makes it. */
    serverMain: string;
  }
}
