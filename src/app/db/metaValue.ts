import type { AppDb } from "./AppDb";

/** A value from the `meta` table, or undefined. */
export async function metaValue<T>(db: AppDb, key: string): Promise<T | undefined> {
  const row = await db.meta.get(key);
  return row?.value as T | undefined;
}
