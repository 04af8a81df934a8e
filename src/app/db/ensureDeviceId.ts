import type { AppDb } from "./AppDb";
import { META } from "./META";
import { randomBytes } from "./randomBytes";

/** This tablet's id, made on first use (call inside a transaction that includes `meta`). */
export async function ensureDeviceId(db: AppDb): Promise<string> {
  const row = await db.meta.get(META.deviceId);
  if (typeof row?.value === "string") return row.value;
  const id = Array.from(randomBytes(12), (b) => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[b & 63]).join("");
  await db.meta.put({ key: META.deviceId, value: id });
  return id;
}
