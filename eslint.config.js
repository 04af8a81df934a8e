import path from "node:path";
import { fileURLToPath } from "node:url";
import js from "@eslint/js";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const root = path.dirname(fileURLToPath(import.meta.url));

// Packages, by where they may run. Package names do not depend on folder depth, so no-restricted-imports is enough
// for them; imports of the project's own files are checked by path below (import-x/no-restricted-paths).
const browserOnly = ["react", "react-dom", "react-dom/*", "dexie", "dexie-react-hooks", "zustand", "workbox-window", "virtual:pwa-register*"];
const pdf = ["jspdf", "jspdf-autotable"];
const nodeOnly = ["node:*", "fs", "path", "os", "crypto", "pg", "@electric-sql/*", "hono", "hono/*", "@hono/*"];

const PDF_ONLY_IN_REPORT_PDF = { group: pdf, message: "Only src/report/pdf imports jspdf." };
const NO_NODE_IN_BROWSER = { group: nodeOnly, message: "This code runs in the browser." };
const NO_BROWSER_IN_NODE = { group: browserOnly, message: "This code runs in Node, not in the browser." };

/** no-restricted-imports with these pattern groups (one config object per file set: a later one would replace it). */
const packages = (...patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

/**
 * The layer rules of the architecture map (README.md), as zones of files: a file under `target` may import nothing
 * under the project root except the listed folders (and packages, restricted above). Paths resolve from the
 * importing file, so the rules hold at any depth.
 */
const allowedOnly = (target, allowed, message) => ({ target, from: ".", except: [...allowed, "./node_modules"], message });
const zones = [
  allowedOnly("./src/domain", ["./src/domain"], "src/domain imports nothing outside itself."),
  allowedOnly("./src/checklists", ["./src/checklists", "./src/domain", "./checklists"], "The checklist importer depends only on the domain."),
  allowedOnly("./src/report", ["./src/report", "./src/domain"], "Reports are built from export data (src/domain), not from the app or server."),
  allowedOnly("./src/server", ["./src/server", "./src/domain", "./src/checklists", "./checklists"], "Server code imports the domain and the checklists, never browser or report code."),
  allowedOnly("./src/app", ["./src/app", "./src/domain", "./src/checklists", "./src/report", "./checklists"], "The app talks to the server over HTTP only."),
];

/** Files under `from` may be loaded only with import() (type-only imports aside): they stay out of the first paint. */
const lazyOnlyRule = {
  meta: { type: "problem", schema: [{ type: "object", properties: { from: { type: "string" }, message: { type: "string" } }, additionalProperties: false }] },
  create(context) {
    const { from, message } = context.options[0];
    const lazy = path.resolve(root, from);
    const check = (node) => {
      if (!node.source || node.importKind === "type" || node.exportKind === "type") return;
      if (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === "type" || s.exportKind === "type")) return;
      const spec = String(node.source.value);
      if (!spec.startsWith(".")) return;
      const target = path.resolve(path.dirname(context.physicalFilename), spec);
      if (target === lazy || target.startsWith(lazy + path.sep)) context.report({ node: node.source, message });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

// The domain and the checklist importer are pure: time and randomness come in as parameters, and they do no I/O, so
// they run unchanged in the browser, in Node and in tests under a fake clock.
const IO = "Pure code does no I/O and reaches no platform: pass what it needs as a parameter.";
const TIME = "Pure code takes time as a parameter (a clock or an ISO date).";
const TIMERS = "Pure code does not schedule work: the caller does.";
const impureGlobals = [
  ...["process", "Buffer", "global", "globalThis", "window", "self", "document", "navigator", "location", "require", "__dirname", "__filename"].map((name) => ({ name, message: IO })),
  ...["fetch", "XMLHttpRequest", "WebSocket", "localStorage", "sessionStorage", "indexedDB", "caches", "console"].map((name) => ({ name, message: IO })),
  { name: "crypto", message: "Pure code takes randomness as a parameter." },
  { name: "performance", message: TIME },
  ...["setTimeout", "setInterval", "clearTimeout", "clearInterval", "setImmediate", "queueMicrotask", "requestAnimationFrame"].map((name) => ({ name, message: TIMERS })),
];

export default tseslint.config(
  // lint-probe-* folders are written and removed by tests/lint/boundaries.test.ts, which lints them with ignore off.
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "data/**", ".tmp/**", "dev-dist/**", ".stryker-tmp/**", "reports/**", "src/**/lint-probe-*/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: "module" },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  // Type-aware rules (the type information of tsconfig.json, which covers src/, tests/ and the tool configs): promises
  // that are awaited or handled, not dropped.
  {
    files: ["src/**/*.ts", "src/**/*.tsx", "tests/**/*.ts", "tests/**/*.tsx", "*.config.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
    },
  },
  {
    files: ["src/app/**/*.ts", "src/app/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  {
    files: ["src/**"],
    plugins: { "import-x": importX, layers: { rules: { "lazy-only": lazyOnlyRule } } },
    settings: { "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".json"] })] },
    rules: {
      "import-x/no-restricted-paths": ["error", { basePath: root, zones }],
      // An import the resolver cannot find would escape the zones above.
      "import-x/no-unresolved": ["error", { ignore: ["^virtual:"] }],
    },
  },
  {
    files: ["src/app/**"],
    rules: { "layers/lazy-only": ["error", { from: "src/report", message: "The app loads report code only with await import(…), so jspdf stays out of the first paint." }] },
  },
  { files: ["src/domain/**"], rules: packages({ regex: "^(?!\\.|zod$)", message: "src/domain stays pure: it imports only zod and itself." }) },
  {
    files: ["src/domain/**", "src/checklists/**"],
    ignores: ["src/checklists/cli.ts"],
    rules: {
      "no-restricted-globals": ["error", ...impureGlobals],
      "no-restricted-properties": [
        "error",
        { object: "Math", property: "random", message: "Pure code takes randomness as a parameter." },
        { object: "Date", property: "now", message: TIME },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: TIME },
        { selector: "CallExpression[callee.name='Date']", message: TIME },
      ],
    },
  },
  {
    files: ["src/checklists/**"],
    ignores: ["src/checklists/cli.ts"],
    rules: packages({ group: [...browserOnly, ...nodeOnly], message: "The importer runs unchanged in the browser and in Node." }, PDF_ONLY_IN_REPORT_PDF),
  },
  { files: ["src/checklists/cli.ts"], rules: packages(NO_BROWSER_IN_NODE, PDF_ONLY_IN_REPORT_PDF) },
  {
    files: ["src/app/**"],
    ignores: ["src/app/db/**"],
    rules: packages({ group: ["dexie"], message: "Only src/app/db imports dexie." }, PDF_ONLY_IN_REPORT_PDF, NO_NODE_IN_BROWSER),
  },
  { files: ["src/app/db/**"], rules: packages(PDF_ONLY_IN_REPORT_PDF, NO_NODE_IN_BROWSER) },
  {
    files: ["src/report/**"],
    ignores: ["src/report/pdf/**", "src/report/cli.ts", "src/report/cli/**"],
    rules: packages(
      { group: [...browserOnly, ...nodeOnly], message: "Reports render unchanged in the browser and in Node (the CLI)." },
      PDF_ONLY_IN_REPORT_PDF,
    ),
  },
  { files: ["src/report/pdf/**"], rules: packages({ group: [...browserOnly, ...nodeOnly], message: "Reports render unchanged in the browser and in Node (the CLI)." }) },
  { files: ["src/report/cli.ts", "src/report/cli/**"], rules: packages(NO_BROWSER_IN_NODE, PDF_ONLY_IN_REPORT_PDF) },
  { files: ["src/server/**"], rules: packages(NO_BROWSER_IN_NODE, PDF_ONLY_IN_REPORT_PDF) },
);
