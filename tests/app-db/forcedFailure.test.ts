import { IDBObjectStore as FDBObjectStore, forceCloseDatabase } from "fake-indexeddb";
import { afterEach, describe, expect, it, vi } from "vitest";
import { writeEdits } from "../../src/app/db/writeEdits";
import { testDb } from "./testDb";

const edit = { entity: "result" as const, rowId: "i1/I.1.1", field: "outcome", value: "conform" };

async function nothingWritten(db: ReturnType<typeof testDb>) {
  expect(await db.changes.count()).toBe(0);
  expect(await db.outbox.count()).toBe(0);
  expect(await db.results.count()).toBe(0);
}

describe("a failed write is never reported as saved", () => {
  afterEach(() => vi.restoreAllMocks());

  it("quota error injected in the IndexedDB layer: rejects, writes nothing, and a retry succeeds", async () => {
    const db = testDb();
    await db.open();
    const realAdd = FDBObjectStore.prototype.add;
    // The outbox add is the last write of the transaction: the change and row writes before it must roll back too.
    const spy = vi.spyOn(FDBObjectStore.prototype, "add").mockImplementation(function (this: IDBObjectStore, ...args: Parameters<typeof realAdd>) {
      if (this.name === "outbox") throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return realAdd.apply(this, args);
    });
    await expect(writeEdits(db, [edit])).rejects.toThrow(/quota/i);
    await nothingWritten(db);
    spy.mockRestore();
    const [c] = await writeEdits(db, [edit]);
    expect((await db.results.get("i1/I.1.1"))?.outcome).toBe("conform");
    expect((await db.outbox.toArray()).map((o) => o.id)).toEqual([c!.id]);
  });

  it("a transaction aborted by a failing hook rolls back every table", async () => {
    const db = testDb();
    const fail = () => {
      throw new Error("injected abort");
    };
    db.outbox.hook("creating", fail);
    await expect(writeEdits(db, [edit, { ...edit, field: "note", value: "x" }])).rejects.toThrow("injected abort");
    await nothingWritten(db);
    db.outbox.hook("creating").unsubscribe(fail);
    await writeEdits(db, [edit]);
    expect(await db.outbox.count()).toBe(1);
  });

  it("the browser aborting the transaction midway (as on a forced close): rejects, nothing written, retry works", async () => {
    const db = testDb();
    const abortMidway = (_key: unknown, _obj: unknown, tx: { abort(): void }) => {
      tx.abort();
    };
    db.outbox.hook("creating", abortMidway);
    await expect(writeEdits(db, [edit])).rejects.toThrow();
    db.outbox.hook("creating").unsubscribe(abortMidway);
    await nothingWritten(db);
    await writeEdits(db, [edit]);
    expect(await db.changes.count()).toBe(1);
  });

  it("after the browser closed an idle connection, a write either rejects or is really stored", async () => {
    const db = testDb();
    await db.open();
    forceCloseDatabase(db.backendDB() as unknown as Parameters<typeof forceCloseDatabase>[0]);
    const saved = await writeEdits(db, [edit]).then(
      () => true,
      () => false,
    );
    expect(await db.changes.count()).toBe(saved ? 1 : 0);
    expect(await db.outbox.count()).toBe(saved ? 1 : 0);
  });
});
