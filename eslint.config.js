import js from "@eslint/js";
import tseslint from "typescript-eslint";

const browserOnly = ["react", "react-dom", "react-dom/*", "dexie", "dexie-react-hooks", "zustand", "workbox-window", "virtual:pwa-register*"];
const pdf = ["jspdf", "jspdf-autotable"];
const nodeOnly = ["node:*", "fs", "path", "os", "crypto", "pg", "@electric-sql/*", "hono", "hono/*", "@hono/*"];

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "data/**", ".tmp/**", "dev-dist/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: "module" },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["src/domain/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: [...browserOnly, ...pdf, ...nodeOnly], message: "src/domain stays pure: no I/O, no framework." },
            { group: ["../app/*", "../server/*", "../report/*", "../checklists/*"], message: "src/domain imports nothing outside itself." },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "crypto", message: "The domain takes randomness as a parameter." },
        { name: "fetch", message: "The domain does no I/O." },
        { name: "indexedDB", message: "The domain does no I/O." },
      ],
      "no-restricted-properties": [
        "error",
        { object: "Math", property: "random", message: "The domain takes randomness as a parameter." },
        { object: "Date", property: "now", message: "The domain takes time as a parameter." },
      ],
      "no-restricted-syntax": ["error", { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "The domain takes time as a parameter." }],
    },
  },
  {
    files: ["src/checklists/**"],
    ignores: ["src/checklists/cli.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: [...browserOnly, ...pdf, ...nodeOnly], message: "The importer runs unchanged in the browser and in Node." },
            { group: ["../app/*", "../server/*", "../report/*"], message: "The importer depends only on the domain." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/app/**"],
    ignores: ["src/app/db/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["dexie"], message: "Only src/app/db imports dexie." },
            { group: [...pdf], message: "Only src/report imports jspdf; load it lazily with import()." },
            { group: [...nodeOnly], message: "The app runs in the browser." },
            { group: ["../server/*", "../../server/*"], message: "The app talks to the server over HTTP only." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/app/db/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: [...pdf, ...nodeOnly], message: "The database module runs in the browser and imports no PDF code." },
            { group: ["../../server/*"], message: "The app talks to the server over HTTP only." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/report/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["dexie", "dexie-react-hooks"], message: "Only src/app/db imports dexie." },
            { group: ["../server/*", "../app/*"], message: "Reports are built from export data, not from the app or server." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/server/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["../app/*", "../../app/*", ...browserOnly], message: "Server code never imports browser code." },
            { group: [...pdf], message: "Only src/report imports jspdf." },
          ],
        },
      ],
    },
  },
);
