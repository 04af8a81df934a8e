import { readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { build, type Rollup } from "vite";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { importChecklist } from "../../src/checklists/importChecklist";
import { docxFixture } from "./fixtures/docxFixture";
import { encodeWindows1258 } from "./fixtures/legacyEncodings";
import { xlsxFixture } from "./fixtures/xlsxFixture";
import { SEED_FILE, SEED_OPTIONS } from "./seedOptions";

// The importer bundled by Vite for the browser, as the app bundles it: a Node built-in would not run there.
let bundle = "";
let browser: Browser;

beforeAll(async () => {
  const out = (await build({
    configFile: false,
    logLevel: "silent",
    build: { write: false, minify: false, lib: { entry: join(import.meta.dirname, "../../src/checklists/importChecklist.ts"), formats: ["iife"], name: "checklists" } },
  })) as Rollup.RollupOutput[];
  bundle = out[0]!.output[0].code;
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
});
afterAll(async () => {
  await browser?.close();
});

describe("the importer runs unchanged in Chromium", () => {
  test("seed text, Windows-1258 text, XLSX and DOCX give what Node gives", async () => {
    const seed = readFileSync(SEED_FILE);
    const inputs: [string, Uint8Array][] = [
      ["seed.txt", new Uint8Array(seed)],
      ["seed-1258.txt", encodeWindows1258(seed.toString("utf8"))],
      ["m.xlsx", await xlsxFixture()],
      ["m.docx", await docxFixture()],
    ];
    const page = await browser.newPage();
    await page.addScriptTag({ content: bundle });
    for (const [name, bytes] of inputs) {
      const inBrowser = await page.evaluate(
        ([n, b, o]) => {
          const api = (globalThis as unknown as { checklists: { importChecklist: typeof importChecklist } }).checklists;
          return api.importChecklist({ name: n, bytes: Uint8Array.from(b) }, o);
        },
        [name, Array.from(bytes), SEED_OPTIONS] as const,
      );
      expect(inBrowser, name).toEqual(importChecklist({ name, bytes }, SEED_OPTIONS));
    }
    const error = await page.evaluate(() => {
      const api = (globalThis as unknown as { checklists: { importChecklist: typeof importChecklist } }).checklists;
      try {
        api.importChecklist({ name: "rong.csv", bytes: new Uint8Array(0) });
        return null;
      } catch (e) {
        const err = e as { name: string; messageVi: string; toLineVi(): string };
        return [err.name, err.toLineVi()];
      }
    });
    expect(error).toEqual(["ChecklistImportError", "rong.csv: tệp rỗng"]);
    await page.close();
  });
});
