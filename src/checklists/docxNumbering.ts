import { strFromU8, type Unzipped } from "fflate";
import { xmlParser } from "./xmlParser";

type Node = Record<string, unknown>;

interface Level {
  start: number;
  format: string;
  text: string;
}

const parser = xmlParser({ preserveOrder: false, isArray: ["abstractNum", "num", "lvl", "lvlOverride"] });
const val = (n: unknown): string | undefined => {
  const v = (n as Node | undefined)?.val;
  return v === undefined ? undefined : String(v);
};

function letters(n: number, upper: boolean): string {
  // Word repeats the letter past z: a … z, aa … zz.
  const ch = String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
  return upper ? ch.toUpperCase() : ch;
}

function roman(n: number): string {
  const parts: [number, string][] = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let out = "";
  for (const [v, s] of parts) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

function format(n: number, fmt: string): string {
  if (fmt === "lowerLetter") return letters(n, false);
  if (fmt === "upperLetter") return letters(n, true);
  if (fmt === "upperRoman") return roman(n);
  if (fmt === "lowerRoman") return roman(n).toLowerCase();
  return String(n);
}

/**
 * Word's automatic numbering, which is not in the text of a paragraph: a TT column numbered "I.", "1.", "a)"
 * by Word shows empty cells to a plain reader. Returns a function giving the label of each numbered paragraph,
 * called in document order (counters run per list instance and restart deeper levels); bullets give "-".
 */
export function docxNumbering(files: Unzipped): (numId: string, ilvl: number) => string {
  const bytes = files["word/numbering.xml"];
  const abstract = new Map<string, Level[]>();
  const nums = new Map<string, { levels: Level[]; overrides: Map<number, number> }>();
  if (bytes) {
    let root: Node = {};
    try {
      root = ((parser.parse(strFromU8(bytes)) as Node).numbering as Node) ?? {};
    } catch {
      // Damaged numbering only loses the automatic labels; the text itself is still read.
    }
    for (const a of (root.abstractNum as Node[]) ?? []) {
      const levels: Level[] = [];
      for (const l of (a.lvl as Node[]) ?? []) {
        levels[Number(l.ilvl ?? 0)] = { start: Number(val(l.start) ?? 1), format: val(l.numFmt) ?? "decimal", text: val(l.lvlText) ?? `%${Number(l.ilvl ?? 0) + 1}.` };
      }
      abstract.set(String(a.abstractNumId), levels);
    }
    for (const n of (root.num as Node[]) ?? []) {
      const overrides = new Map<number, number>();
      for (const o of (n.lvlOverride as Node[]) ?? []) {
        const start = val(o.startOverride);
        if (start !== undefined) overrides.set(Number(o.ilvl ?? 0), Number(start));
      }
      nums.set(String(n.numId), { levels: abstract.get(val(n.abstractNumId) ?? "") ?? [], overrides });
    }
  }
  const counters = new Map<string, number[]>();
  return (numId, ilvl) => {
    const num = nums.get(numId);
    const level = num?.levels[ilvl];
    if (!num || !level) return "";
    if (level.format === "bullet") return "-";
    if (level.format === "none") return "";
    const counts = counters.get(numId) ?? [];
    const startOf = (l: number) => num.overrides.get(l) ?? num.levels[l]?.start ?? 1;
    counts[ilvl] = counts[ilvl] === undefined ? startOf(ilvl) : counts[ilvl]! + 1;
    counts.length = ilvl + 1;
    counters.set(numId, counts);
    return level.text.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      return format(counts[l] ?? startOf(l), num.levels[l]?.format ?? "decimal");
    });
  };
}
