import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InspectionExportSchema } from "../../src/domain/inspectionExport";
import { renderInspectionRecord } from "../../src/report/renderInspectionRecord";
import { buildReportBundle } from "./bench/buildReportBundle";
import { pdfBodyText, pdfFonts } from "./fixtures/poppler";

const dir = mkdtempSync(join(tmpdir(), "report-browser-"));
let browser: Browser;
let bundle = "";

beforeAll(async () => {
  bundle = await buildReportBundle(join(process.cwd(), ".tmp/test-report-browser"));
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
});
afterAll(async () => {
  await browser?.close();
});

type Bench = { prepare(k: string, c: number, p: number, size?: [number, number]): Promise<number>; renderBase64(k: string): Promise<{ pdf: string; exportJson: string }> };

/** An offline page renders a 14-criterion sample with two generated photos (of `size`, default 2048×1536). */
async function renderInChromium(size?: [number, number]): Promise<{ pdf: string; exportJson: string }> {
  const context = await browser.newContext({ offline: true });
  const page = await context.newPage();
  await page.setContent("<!doctype html><meta charset=utf-8><title>record</title>");
  await page.addScriptTag({ content: bundle });
  const out = await page.evaluate(async (size) => {
    const b = (globalThis as unknown as { reportBench: Bench }).reportBench;
    await b.prepare("t", 14, 2, size);
    return b.renderBase64("t");
  }, size);
  await context.close();
  return out;
}

describe("the record renderer in Chromium (what the tablet runs)", () => {
  it("renders offline with embedded Tinos, downscales camera photos, and draws the same text as Node", async () => {
    const out = await renderInChromium();
    const browserPdf = join(dir, "browser.pdf");
    writeFileSync(browserPdf, Buffer.from(out.pdf, "base64"));

    // Two 2048×1536 photos went in; the PDF holds them at most 1024 px on the long side.
    const images = execFileSync("pdfimages", ["-list", browserPdf], { encoding: "utf8" }).split("\n").slice(2).filter((l) => l.trim());
    expect(images).toHaveLength(2);
    for (const line of images) {
      const [, , , width, height] = line.trim().split(/\s+/u).map(Number);
      expect(Math.max(width!, height!)).toBe(1024);
    }
    expect(pdfFonts(browserPdf).map((f) => f.name).sort()).toEqual(["Tinos-Bold", "Tinos-BoldItalic", "Tinos-Italic", "Tinos-Regular"]);

    // The same export rendered by Node (the CLI's path) gives the same text, page for page.
    const exp = InspectionExportSchema.parse(JSON.parse(out.exportJson));
    const nodePdf = join(dir, "node.pdf");
    writeFileSync(nodePdf, await renderInspectionRecord(exp));
    const text = pdfBodyText(browserPdf);
    expect(text).toContain("BIÊN BẢN KIỂM TRA");
    expect(text).toBe(pdfBodyText(nodePdf));
  });

  it("renders an export whose photos are at the report size (as the app exports them) to the same bytes as Node", async () => {
    const out = await renderInChromium([1024, 768]);
    const browserPdf = Buffer.from(out.pdf, "base64");
    const exp = InspectionExportSchema.parse(JSON.parse(out.exportJson));
    expect(exp.attachments?.map((a) => [a.mime, a.width, a.height])).toEqual([["image/jpeg", 1024, 768], ["image/jpeg", 1024, 768]]);
    const nodePdf = await renderInspectionRecord(exp);
    expect(new Uint8Array(browserPdf)).toEqual(nodePdf);

    // The photos went in byte for byte: each embedded image is the export's JPEG, not a re-encoding.
    const file = join(dir, "small.pdf");
    writeFileSync(file, browserPdf);
    const images = execFileSync("pdfimages", ["-list", file], { encoding: "utf8" }).split("\n").slice(2).filter((l) => l.trim());
    expect(images.map((l) => l.trim().split(/\s+/u).slice(3, 5).join("x"))).toEqual(["1024x768", "1024x768"]);
    for (const a of exp.attachments ?? []) expect(browserPdf.includes(Buffer.from(a.data!, "base64"))).toBe(true);
  });
});
