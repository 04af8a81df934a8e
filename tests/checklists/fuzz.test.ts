import { readFileSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, test } from "vitest";
import { ChecklistImportError } from "../../src/checklists/ChecklistImportError";
import { importChecklist } from "../../src/checklists/importChecklist";
import { ChecklistSchema } from "../../src/domain/checklist";
import { csvFixture } from "./fixtures/csvFixture";
import { docxFixture } from "./fixtures/docxFixture";
import { xlsxFixture } from "./fixtures/xlsxFixture";
import { SEED_FILE } from "./seedOptions";

// Base seed: set CHECKLIST_FUZZ_SEED to replay a failure printed below.
const BASE = Number(process.env.CHECKLIST_FUZZ_SEED ?? 20260522);

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ["\t", "\n", "\r\n", '"', ",", ";", "- ", "I", "II\t", "3\t", "đ)\t", "<ul>", "&amp;", "</w:tc>", "<w:tc>", "</row>", 'ref="A1:Z99"', "\u0301", "\u00ad", ""];

function mutate(text: string, random: () => number): string {
  let s = text;
  const edits = 1 + Math.floor(random() * 6);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(random() * (s.length + 1));
    const op = random();
    if (op < 0.4) s = s.slice(0, at) + PIECES[Math.floor(random() * PIECES.length)] + s.slice(at);
    else if (op < 0.8) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(random() * 40));
    else s = s.slice(0, at);
  }
  return s;
}

/** Either a valid checklist or a one-line ChecklistImportError naming the file; nothing else, ever. */
function expectCleanOutcome(name: string, bytes: Uint8Array, seed: number): void {
  try {
    const { checklist } = importChecklist({ name, bytes });
    expect(ChecklistSchema.safeParse(checklist).success, `seed ${seed}`).toBe(true);
  } catch (e) {
    expect(e, `seed ${seed}: ${String(e)}`).toBeInstanceOf(ChecklistImportError);
    const err = e as ChecklistImportError;
    expect(err.toLine().startsWith(`${name}: `), `seed ${seed}`).toBe(true);
    expect(err.toLine(), `seed ${seed}`).not.toMatch(/\n/);
    expect(err.messageVi.length, `seed ${seed}`).toBeGreaterThan(0);
    if (process.env.FUZZ_DEBUG) console.log(err.toLine().slice(0, 160));
  }
}

describe("mutated inputs never crash the importer (seeded; CHECKLIST_FUZZ_SEED replays)", () => {
  test("pasted text and CSV", () => {
    const sources = [readFileSync(SEED_FILE, "utf8"), new TextDecoder().decode(csvFixture())];
    for (let i = 0; i < 300; i++) {
      const seed = BASE + i;
      const random = rng(seed);
      const text = mutate(sources[i % 2]!, random);
      expectCleanOutcome(i % 2 ? "m.csv" : "m.txt", new TextEncoder().encode(text), seed);
    }
  });

  test("XLSX and DOCX with damaged XML inside a sound zip", async () => {
    const books: [string, Record<string, Uint8Array>, string][] = [
      ["m.xlsx", unzipSync(await xlsxFixture()), "xl/worksheets/sheet2.xml"],
      ["m.docx", unzipSync(await docxFixture()), "word/document.xml"],
    ];
    for (let i = 0; i < 120; i++) {
      const seed = BASE + 1000 + i;
      const random = rng(seed);
      const [name, files, part] = books[i % 2]!;
      const damaged = { ...files, [part]: strToU8(mutate(strFromU8(files[part]!), random)) };
      expectCleanOutcome(name, zipSync(damaged), seed);
    }
  });
});
