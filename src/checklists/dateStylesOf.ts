type Node = Record<string, unknown>;

// Built-in number formats that are dates (ECMA-376 §18.8.30); 17 is "mmm-yy".
const BUILTIN_DAY = new Set([14, 15, 16, 22, 27, 30, 36, 50, 57]);
const BUILTIN_MONTH = new Set([17]);

/** Whether a custom number format shows a date, and to what precision. */
function kindOfFormat(code: string): "day" | "month" | null {
  // Quoted literals, escapes and [colour]/[locale] sections are not date parts.
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "").toLowerCase();
  if (!/[ym]/.test(bare) || /^(general|@)$/.test(bare)) return null;
  if (/d/.test(bare)) return "day";
  return /y/.test(bare) ? "month" : null;
}

/**
 * Which cell styles of a workbook (indices into cellXfs, the `s` attribute of a cell) show a date, from a
 * parsed xl/styles.xml. Lets the reader print "15/05/2024" instead of the serial 45427.
 */
export function dateStylesOf(styles: Node): Map<number, "day" | "month"> {
  const root = (styles.styleSheet as Node | undefined) ?? {};
  const custom = new Map<number, "day" | "month" | null>();
  for (const f of ((root.numFmts as Node | undefined)?.numFmt as Node[] | undefined) ?? []) {
    custom.set(Number(f.numFmtId), kindOfFormat(String(f.formatCode ?? "")));
  }
  const out = new Map<number, "day" | "month">();
  (((root.cellXfs as Node | undefined)?.xf as Node[] | undefined) ?? []).forEach((xf, i) => {
    const id = Number(xf.numFmtId ?? 0);
    const kind = custom.has(id) ? custom.get(id) : BUILTIN_DAY.has(id) ? "day" : BUILTIN_MONTH.has(id) ? "month" : null;
    if (kind) out.set(i, kind);
  });
  return out;
}
