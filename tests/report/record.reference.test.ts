import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InspectionExportSchema } from "../../src/domain/inspectionExport";
import { renderInspectionRecord } from "../../src/report/renderInspectionRecord";
import { pdfPagePng } from "./fixtures/poppler";
import { readGrayPng } from "./fixtures/readGrayPng";
import { sampleExport } from "./fixtures/sampleExport";

/**
 * Page 1 of the sample record against a reviewed image (tests/report/reference/record-page1.png, pdftoppm
 * -r 60 -gray). To renew it after an intended layout change, render the sample, rasterise page 1 the same way,
 * look at it, and commit it.
 */
const REFERENCE = join(import.meta.dirname, "reference", "record-page1.png");
const DPI = 60;

function compare(a: Uint8Array, b: Uint8Array): { meanDiff: number; farShare: number } {
  let sum = 0;
  let far = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs((a[i] ?? 0) - (b[i] ?? 0));
    sum += d;
    if (d > 96) far++;
  }
  return { meanDiff: sum / a.length, farShare: far / a.length };
}

describe("inspection record page 1 against the reviewed reference image", () => {
  it("matches within tolerance, and a different page does not", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "report-ref-")), "record.pdf");
    writeFileSync(file, await renderInspectionRecord(InspectionExportSchema.parse(sampleExport({ criteria: 30 }))));
    const ref = readGrayPng(readFileSync(REFERENCE));
    const page1 = readGrayPng(pdfPagePng(file, 1, DPI));
    expect([page1.width, page1.height]).toEqual([ref.width, ref.height]);
    const same = compare(page1.pixels, ref.pixels);
    expect(same.meanDiff, JSON.stringify(same)).toBeLessThan(1.5);
    expect(same.farShare, JSON.stringify(same)).toBeLessThan(0.002);

    // Negative control: the tolerance is tight enough to tell another page of the same document apart.
    const page2 = readGrayPng(pdfPagePng(file, 2, DPI));
    const other = compare(page2.pixels, ref.pixels);
    expect(other.farShare).toBeGreaterThan(0.01);
  });
});
