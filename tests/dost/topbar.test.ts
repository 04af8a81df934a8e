import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundledPage } from "../app-db/bundledPage";

let page: Page;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ page, close } = await bundledPage(join(import.meta.dirname, "support/topbarEntry.tsx"), "topbar"));
  // React reads process.env.NODE_ENV, which vite leaves in a library build (bundled under vitest: the development JSX runtime).
  await page.addInitScript(() => Object.assign(globalThis, { process: { env: { NODE_ENV: "development" } } }));
  await page.reload();
  await page.addStyleTag({ content: readFileSync(join(import.meta.dirname, "../../src/app/styles.css"), "utf8") });
  await page.setViewportSize({ width: 800, height: 1280 });
  await page.evaluate(() => (globalThis as unknown as { topbar: { show(): Promise<void> } }).topbar.show());
  await page.waitForSelector("[data-testid=dost-link]");
}, 120_000);
afterAll(async () => {
  await close();
});

/** Top of every item of the top bar and the bar's height, as Chromium lays them out. */
const layout = () =>
  page.evaluate(() => {
    const bar = document.querySelector("header.topbar")!;
    return { height: bar.getBoundingClientRect().height, tops: [...bar.children].map((c) => Math.round(c.getBoundingClientRect().top)), right: Math.max(...[...bar.children].map((c) => c.getBoundingClientRect().right)) };
  });

describe("the top bar of a dost user at 800 px wide (Chromium)", () => {
  it("keeps title, console link, settings and the language button on one row, in Vietnamese and English", async () => {
    for (const lang of ["vi", "en"]) {
      const l = await layout();
      expect(new Set(l.tops).size, `${lang}: ${JSON.stringify(l)}`).toBe(1);
      expect(l.height, lang).toBeLessThan(70);
      expect(l.right, lang).toBeLessThanOrEqual(800);
      // The console link keeps its full name for screen readers.
      expect(await page.getByTestId("dost-link").getAttribute("aria-label")).toBe(lang === "vi" ? "Bảng điều khiển Sở KH&CN" : "DOST console");
      if (lang === "vi") await page.locator("header.topbar").getByRole("button", { name: "English" }).click();
    }
  });
});
