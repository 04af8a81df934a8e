import { formatHlc, parseHlc, tickHlc } from "../../domain/hlc";
import type { AppDb } from "./AppDb";
import { META } from "./META";

/** The next local stamp (inside a transaction over `meta`); the caller stores it with `storeHlc`. */
export async function tickLocalHlc(db: AppDb, device: string, nowMs: number): Promise<string> {
  const last = (await db.meta.get(META.hlc))?.value;
  const next = tickHlc(typeof last === "string" ? parseHlc(last) : null, nowMs, device);
  const s = formatHlc(next);
  await db.meta.put({ key: META.hlc, value: s });
  return s;
}
