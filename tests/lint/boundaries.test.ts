import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

// Lint refuses a probe file that breaks each layer rule of the architecture map (README.md) and the purity rule of
// src/domain and src/checklists (eslint.config.js). Each probe is written into a fresh folder inside src/, one and
// three levels below the layer's folder (the rules must not depend on depth), and the folders are removed at the end.

const ROOT = path.resolve(import.meta.dirname, "../..");
const tag = `lint-probe-${process.pid}-${randomBytes(3).toString("hex")}`;

/** Files the probes import: large, long-lived modules of each layer. */
const TARGET = {
  domain: "src/domain/hlc.ts",
  checklists: "src/checklists/importChecklist.ts",
  builtinChecklist: "checklists/published.lock.json",
  app: "src/app/db/AppDb.ts",
  report: "src/report/renderInspectionRecord.ts",
  server: "src/server/createApp.ts",
};

type Probe = { name: string; dir: string; code: (rel: (target: string) => string) => string; rule: string | null };

/** A re-export of the target: breaks a layer rule without needing to know what the target exports. */
const reexport = (target: string) => (rel: (t: string) => string) => `export * from "${rel(target).replace(/\.tsx?$/, "")}";\n`;

const zone = (from: keyof typeof TARGET, to: keyof typeof TARGET, dir: string): Probe => ({
  name: `${dir} imports ${TARGET[to]}`,
  dir,
  code: to === "builtinChecklist" ? (rel) => `import lock from "${rel(TARGET[to])}";\nexport default lock;\n` : reexport(TARGET[to]),
  rule: "import-x/no-restricted-paths",
});

const layerProbes: Probe[] = [
  zone("domain", "app", "src/domain"),
  zone("domain", "server", "src/domain"),
  zone("domain", "report", "src/domain"),
  zone("domain", "checklists", "src/domain"),
  zone("domain", "builtinChecklist", "src/domain"),
  zone("checklists", "app", "src/checklists"),
  zone("checklists", "server", "src/checklists"),
  zone("checklists", "report", "src/checklists"),
  zone("report", "app", "src/report"),
  zone("report", "app", "src/report/pdf"),
  zone("report", "server", "src/report/record"),
  zone("server", "app", "src/server"),
  zone("server", "report", "src/server/routes"),
  zone("app", "server", "src/app"),
  zone("app", "server", "src/app/db"),
  {
    name: "src/app imports report code statically",
    dir: "src/app/screens",
    code: (rel) => `import { renderInspectionRecord } from "${rel(TARGET.report).replace(/\.ts$/, "")}";\nexport const probe = renderInspectionRecord;\n`,
    rule: "layers/lazy-only",
  },
  ...(
    [
      ["src/app/screens", "dexie", "outside src/app/db"],
      ["src/app", "jspdf", "in the app"],
      ["src/report/record", "jspdf", "outside src/report/pdf"],
      ["src/app/components", "node:fs", "in the browser"],
      ["src/server/sync", "react", "in the server"],
      ["src/domain", "fflate", "in the domain"],
      ["src/checklists", "node:fs", "in the importer"],
    ] as const
  ).map(([dir, pkg, where]): Probe => ({ name: `${pkg} ${where} (${dir})`, dir, code: () => `export * from "${pkg}";\n`, rule: "no-restricted-imports" })),
];

const impure: [string, string][] = [
  ["process", "export const probe = () => process.env;"],
  ["Buffer", `export const probe = () => Buffer.from("a");`],
  ["window", "export const probe = () => window.location;"],
  ["document", "export const probe = () => document.title;"],
  ["globalThis", "export const probe = () => globalThis;"],
  ["performance", "export const probe = () => performance.now();"],
  ["fetch", `export const probe = () => fetch("/api/health");`],
  ["localStorage", `export const probe = () => localStorage.getItem("k");`],
  ["indexedDB", "export const probe = () => indexedDB;"],
  ["crypto", "export const probe = () => crypto.randomUUID();"],
  ["setTimeout", "export const probe = () => setTimeout(() => undefined, 1);"],
  ["console", `export const probe = () => console.log("x");`],
];
const purityProbes: Probe[] = ["src/domain", "src/checklists"].flatMap((dir) => [
  ...impure.map(([what, code]): Probe => ({ name: `${what} in ${dir}`, dir, code: () => `${code}\n`, rule: "no-restricted-globals" })),
  { name: `Math.random() in ${dir}`, dir, code: () => "export const probe = () => Math.random();\n", rule: "no-restricted-properties" },
  { name: `Date.now() in ${dir}`, dir, code: () => "export const probe = () => Date.now();\n", rule: "no-restricted-properties" },
  { name: `new Date() in ${dir}`, dir, code: () => "export const probe = () => new Date();\n", rule: "no-restricted-syntax" },
  { name: `Date() in ${dir}`, dir, code: () => "export const probe = () => Date();\n", rule: "no-restricted-syntax" },
]);

// Controls: files that keep the rules lint clean, so a probe fails for its rule and not for being a probe.
const controls: Probe[] = [
  { name: "the domain importing zod and itself", dir: "src/domain", code: (rel) => `export * from "zod";\nexport * from "${rel(TARGET.domain).replace(/\.ts$/, "")}";\n`, rule: null },
  { name: "the domain taking time as a parameter", dir: "src/domain", code: () => "export const probe = (now: number) => new Date(now).toISOString();\n", rule: null },
  {
    name: "the app loading report code with import()",
    dir: "src/app/screens",
    code: (rel) => `export const probe = async () => (await import("${rel(TARGET.report).replace(/\.ts$/, "")}")).renderInspectionRecord;\n`,
    rule: null,
  },
  { name: "the server importing the domain and the importer", dir: "src/server/routes", code: (rel) => `export * from "${rel(TARGET.checklists).replace(/\.ts$/, "")}";\n`, rule: null },
];

/** Each probe at two depths below its folder. */
const placed = [...layerProbes, ...purityProbes, ...controls].flatMap((probe, i) =>
  [[tag], [tag, "a", "b"]].map((sub, depth) => ({ probe, file: path.join(ROOT, probe.dir, ...sub, `probe${i}d${depth}.ts`) })),
);
const probeDirs = [...new Set(placed.map(({ probe }) => path.join(ROOT, probe.dir, tag)))];

let results = new Map<string, ESLint.LintResult>();

beforeAll(async () => {
  for (const target of Object.values(TARGET)) expect(existsSync(path.join(ROOT, target)), `${target} (imported by the probes) exists`).toBe(true);
  try {
    for (const { probe, file } of placed) {
      mkdirSync(path.dirname(file), { recursive: true });
      const rel = (target: string) => {
        const r = path.relative(path.dirname(file), path.join(ROOT, target)).split(path.sep).join("/");
        return r.startsWith(".") ? r : `./${r}`;
      };
      writeFileSync(file, probe.code(rel));
    }
    // The probe folders are ignored by the config, so that `eslint .` run meanwhile never trips over them.
    const eslint = new ESLint({ cwd: ROOT, ignore: false });
    results = new Map((await eslint.lintFiles(placed.map(({ file }) => file))).map((r) => [r.filePath, r]));
  } finally {
    for (const dir of probeDirs) rmSync(dir, { recursive: true, force: true });
  }
}, 600_000);

afterAll(() => {
  for (const dir of probeDirs) rmSync(dir, { recursive: true, force: true });
});

describe("lint enforces the architecture map at any depth", () => {
  test.each(placed.map(({ probe, file }) => [`${probe.name}: ${path.relative(ROOT, file)}`, probe, file] as const))("%s", (_name, probe, file) => {
    const messages = results.get(file)?.messages ?? [];
    const found = messages.map((m) => `${m.ruleId ?? "fatal"}: ${m.message}`);
    if (probe.rule === null) expect(found).toEqual([]);
    else {
      expect(found.length, `lint refuses ${path.relative(ROOT, file)}`).toBeGreaterThan(0);
      expect(messages.every((m) => m.ruleId === probe.rule), found.join("\n")).toBe(true);
    }
  });
});
