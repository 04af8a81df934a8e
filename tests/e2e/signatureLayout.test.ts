import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM } from "./support/ensureChromium";

const CSS = readFileSync(resolve(import.meta.dirname, "../../src/app/styles.css"), "utf8");
// The review screen's two pads as SignaturePad renders them, in the grid the review screen puts them in.
const pad = (who: string) =>
  `<div class="card signature-pad"><strong>Ký tên: ${who}</strong><canvas class="signature" width="960" height="360"></canvas></div>`;
const PAGE = `<!doctype html><html lang="vi"><head><meta name="viewport" content="width=device-width"><style>${CSS}</style></head>
<body><div class="app"><main><div class="grid2">${pad("Trưởng đoàn")}${pad("Đại diện cơ quan")}</div></main></div></body></html>`;

/** Issue 14.6: the two signature pads are full width in portrait (a finger signs across the tablet), side by side in landscape. */
describe("signature pads on a 10-inch tablet (Chromium, the app's stylesheet)", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const boxes = async (width: number, height: number) => {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.setContent(PAGE);
    const b = await page.locator("canvas.signature").evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })));
    await page.close();
    return b;
  };

  it("portrait 800×1280: each pad spans the width, one under the other", async () => {
    const [lead, agency] = await boxes(800, 1280);
    expect(lead!.w).toBeGreaterThan(700);
    expect(agency!.w).toBeGreaterThan(700);
    expect(agency!.y).toBeGreaterThanOrEqual(lead!.y + lead!.h);
  });

  it("landscape 1280×800: side by side, each wider than before (no 480 px cap)", async () => {
    const [lead, agency] = await boxes(1280, 800);
    expect(agency!.y).toBe(lead!.y);
    expect(lead!.w).toBeGreaterThan(540);
  });
});
