/**
 * Dev-time tool: renders public/icons/*.svg to the PNG sizes the manifest names, in Debian's Chromium.
 * Run with `npx tsx tests/app/tools/makeIcons.ts`; the PNGs are committed, nothing is generated at run time.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const dir = join(process.cwd(), "public/icons");
const jobs: [string, number, string][] = [
  ["icon.svg", 192, "icon-192.png"],
  ["icon.svg", 512, "icon-512.png"],
  ["icon-maskable.svg", 512, "icon-maskable-512.png"],
  ["icon-maskable.svg", 180, "apple-touch-icon.png"],
];
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
for (const [svg, size, out] of jobs) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const src = `data:image/svg+xml;base64,${readFileSync(join(dir, svg)).toString("base64")}`;
  await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}"></body></html>`);
  await page.screenshot({ path: join(dir, out), omitBackground: true });
  await page.close();
}
await browser.close();
