import type { Page } from "playwright-core";

/** The inspection row as the tablet stored it, read straight from its IndexedDB (database `htqlcl`). */
export async function storedInspection(page: Page, id: string): Promise<Record<string, unknown> | undefined> {
  return page.evaluate(async (rowId) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open("htqlcl");
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    try {
      return await new Promise<Record<string, unknown> | undefined>((ok, fail) => {
        const req = db.transaction("inspections").objectStore("inspections").get(rowId);
        req.onsuccess = () => ok(req.result as Record<string, unknown> | undefined);
        req.onerror = () => fail(req.error);
      });
    } finally {
      db.close();
    }
  }, id);
}
