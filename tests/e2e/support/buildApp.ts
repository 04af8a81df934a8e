import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../../..");

/** Builds the app into `outDir` with the build id it shows in Settings, so two builds differ like two deployments. */
export function buildApp(outDir: string, buildId: string): string {
  const out = resolve(ROOT, outDir);
  execFileSync(process.execPath, [resolve(ROOT, "node_modules/vite/bin/vite.js"), "build", "--outDir", out, "--emptyOutDir", "--logLevel", "warn"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", VITE_BUILD_ID: buildId },
  });
  if (!existsSync(resolve(out, "index.html"))) throw new Error(`vite build produced no index.html in ${out}`);
  return out;
}

/** Compiles the sync server into `outDir` as `npm run build` does, so the tests run what production runs. */
export function buildServer(outDir: string): string {
  const out = resolve(ROOT, outDir);
  execFileSync(process.execPath, [resolve(ROOT, "node_modules/vite/bin/vite.js"), "build", "--config", "vite.server.config.ts", "--outDir", out, "--emptyOutDir", "--logLevel", "warn"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  const main = resolve(out, "main.js");
  if (!existsSync(main) || !existsSync(resolve(out, "migrations"))) throw new Error(`the server build produced no main.js and migrations in ${out}`);
  return main;
}
