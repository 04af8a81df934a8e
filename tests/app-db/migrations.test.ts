import Dexie from "dexie";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { SCHEMA_V1, SCHEMA_VERSIONS } from "../../src/app/db/schemaVersions";
import { writeEdits } from "../../src/app/db/writeEdits";
import { testDb } from "./testDb";

const change = (id: string, hlc: string) => ({
  id,
  entity: "result",
  rowId: "i1/I.1.1",
  field: "note",
  value: id,
  hlc,
  prevHlc: null,
  device: "D1",
  user: "u",
});

describe("tablet database migrations", () => {
  it("the current schema is the last listed version", async () => {
    const db = testDb();
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSIONS.length);
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!).sort());
  });

  it("v1 → v2: blobs' boolean `uploaded` becomes 0|1, outbox rows get their stamp, orphans go, data stays", async () => {
    const factory = new IDBFactory();
    const old = new Dexie("mig", { indexedDB: factory, IDBKeyRange });
    old.version(1).stores(SCHEMA_V1);
    await old.table("changes").bulkAdd([change("c1", "000001778400000:00000:D1"), change("c2", "000001778400001:00000:D1")]);
    await old.table("outbox").bulkAdd([{ id: "c2" }, { id: "c1", queuedAt: 7 }, { id: "ghost" }]);
    await old.table("blobs").bulkAdd([
      { sha256: "a".repeat(64), bytes: new Uint8Array([1, 2, 3]).buffer, mime: "image/jpeg", uploaded: true },
      { sha256: "b".repeat(64), bytes: new Uint8Array([4]).buffer, mime: "image/png", uploaded: false },
    ]);
    await old.table("results").put({ id: "i1/I.1.1", inspectionId: "i1", note: "c2", _hlc: { note: "000001778400001:00000:D1" } });
    await old.table("meta").bulkPut([
      { key: "deviceId", value: "D1" },
      { key: "hlc", value: "000001778400001:00000:D1" },
    ]);
    old.close();

    const db = testDb("mig", factory);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSIONS.length);
    expect(await db.outbox.orderBy("hlc").toArray()).toEqual([
      { id: "c1", hlc: "000001778400000:00000:D1", queuedAt: 7 },
      { id: "c2", hlc: "000001778400001:00000:D1", queuedAt: 0 },
    ]);
    expect(await db.blobs.where("uploaded").equals(0).primaryKeys()).toEqual(["b".repeat(64)]);
    expect(new Uint8Array((await db.blobs.get("a".repeat(64)))!.bytes)).toEqual(new Uint8Array([1, 2, 3]));
    expect(await db.changes.where("device").equals("D1").count()).toBe(2);
    expect(await db.rejected.count()).toBe(0);
    // the migrated database keeps working: the next edit chains onto the stored stamp
    const [c] = await writeEdits(db, [{ entity: "result", rowId: "i1/I.1.1", field: "note", value: "new" }]);
    expect(c!.prevHlc).toBe("000001778400001:00000:D1");
    expect(c!.device).toBe("D1");
    expect((await db.results.get("i1/I.1.1"))?.note).toBe("new");
  });
});
