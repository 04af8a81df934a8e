import { IsoDateSchema } from "../../domain/isoDate";

/** "5/3/2026", "05/03/2026", "05-03-2026" or "05.03.2026" → "2026-03-05"; "" → null; anything else → undefined. */
export function parseVietDate(text: string): string | null | undefined {
  const t = text.trim();
  if (!t) return null;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!m) return undefined;
  const iso = `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
  return IsoDateSchema.safeParse(iso).success ? iso : undefined;
}
