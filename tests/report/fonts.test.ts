import { jsPDF } from "jspdf";
import { describe, expect, it } from "vitest";
import { tinosFaces } from "../../src/report/fonts/tinosFaces";
import { registerTinos, TINOS } from "../../src/report/pdf/registerTinos";
import { vietnameseAlphabet } from "./fixtures/vietnameseAlphabet";

interface TtfMetadata {
  characterToGlyph(code: number): number;
  widthOfGlyph(glyph: number): number;
}

describe("the committed Tinos subset (npm run fonts)", () => {
  it("is small and has a glyph for every Vietnamese letter and the punctuation used, in all four faces", () => {
    const doc = new jsPDF({ unit: "mm", format: "a4" });
    registerTinos(doc);
    const needed = [...vietnameseAlphabet().join(""), ..."…–—“”‘’•№0123456789/:;.,()[]\"'-"];
    for (const style of Object.keys(tinosFaces) as Array<keyof typeof tinosFaces>) {
      expect(tinosFaces[style].length * 0.75, style).toBeLessThan(60_000);
      doc.setFont(TINOS, style);
      const meta = (doc.getFont() as unknown as { metadata: TtfMetadata }).metadata;
      const missing = needed.filter((ch) => meta.characterToGlyph(ch.codePointAt(0)!) === 0);
      expect(missing, style).toEqual([]);
      // Times New Roman metrics: digits are half an em (500/1000).
      expect(meta.widthOfGlyph(meta.characterToGlyph("0".charCodeAt(0)))).toBe(500);
    }
  });
});
