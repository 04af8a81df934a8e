import Dexie from "dexie";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { afterEach, describe, expect, it } from "vitest";
import { backupAll } from "../../src/app/backup/backupAll";
import { restoreAll } from "../../src/app/backup/restoreAll";
import { applyRemoteChanges } from "../../src/app/db/applyRemoteChanges";
import { META } from "../../src/app/db/META";
import { retryQuarantine } from "../../src/app/db/retryQuarantine";
import { SCHEMA_V2 } from "../../src/app/db/schemaVersions";
import { noteAppVersion } from "../../src/app/sync/noteAppVersion";
import { inEra, useEra } from "../sync/schemaEras";
import { testDb } from "./testDb";

const T0 = Date.UTC(2026, 4, 10, 8);
afterEach(() => useEra("current"));

describe("quarantine table", () => {
  const change = (over: Record<string, unknown>) => ({
    id: "c1",
    entity: "result",
    rowId: "i1/I.1.1",
    field: "note",
    value: "ghi chú",
    hlc: "000001778400000:00000:D1",
    prevHlc: null,
    device: "D1",
    user: "u",
    ...over,
  });

  it("keeps an unknown record kind, a bad value and a malformed change with their reasons, each once", async () => {
    const db = testDb();
    const page = [
      change({ id: "k1", entity: "meeting", field: "agenda" }),
      change({ id: "v1", field: "outcome", value: "excellent" }),
      { entity: "result", garbage: true },
      change({ id: "ok" }),
    ];
    const report = await applyRemoteChanges(db, page, "42", { now: T0, quarantine: true });
    expect(report.added).toBe(1);
    expect(report.invalid.map((i) => i.id)).toEqual(["k1", "v1", "?"]);
    const rows = await db.quarantine.orderBy("id").toArray();
    expect(rows.map((r) => r.id)).toEqual(["?42:2", "k1", "v1"]);
    expect(rows.find((r) => r.id === "k1")?.reason).toBe('Loại bản ghi "meeting" chưa có trong phiên bản ứng dụng này.');
    expect(rows.find((r) => r.id === "v1")?.reason).toMatch(/^Giá trị không hợp lệ cho result\.outcome/);
    expect(rows.find((r) => r.id === "k1")?.change).toEqual(page[0]);
    expect((await db.meta.get(META.pullCursor))?.value).toBe("42");
    // delivered again: still once, first-seen time kept
    await applyRemoteChanges(db, page, "43", { now: T0 + 5, quarantine: true });
    expect(await db.quarantine.count()).toBe(4);
    expect((await db.quarantine.get("k1"))?.at).toBe(T0);
    // without the option (a bundle) nothing is quarantined
    const other = testDb();
    await applyRemoteChanges(other, page, undefined, { now: T0 });
    expect(await other.quarantine.count()).toBe(0);
  });

  it("retrying applies only what this version understands and keeps the rest waiting", async () => {
    const db = testDb();
    await applyRemoteChanges(db, [change({ id: "r1", entity: "inspection", rowId: "i1", field: "riskLevel", value: "low" }), change({ id: "k1", entity: "meeting" })], "1", {
      now: T0,
      quarantine: true,
    });
    expect(await retryQuarantine(db, { now: T0 })).toEqual({ applied: 0, waiting: 2 });
    const after = await inEra("next", () => retryQuarantine(db, { now: T0 }));
    expect(after).toEqual({ applied: 1, waiting: 1 });
    expect((await db.inspections.get("i1") as { riskLevel?: unknown } | undefined)?.riskLevel).toBe("low");
    expect((await db.changes.get("r1"))?.value).toBe("low");
    expect((await db.quarantine.toArray()).map((q) => q.id)).toEqual(["k1"]);
  });

  it("a change the tablet already applied is not quarantined when a stricter version pulls it again", async () => {
    const db = testDb();
    const c = change({ id: "r1", entity: "inspection", rowId: "i1", field: "riskLevel", value: "low" });
    await inEra("next", () => applyRemoteChanges(db, [c], "1", { now: T0, quarantine: true }));
    await applyRemoteChanges(db, [c], "0", { now: T0, quarantine: true });
    expect(await db.quarantine.count()).toBe(0);
    expect(await db.changes.count()).toBe(1);
  });

  it("a backup carries the quarantine and a restore brings it back", async () => {
    const db = testDb();
    await applyRemoteChanges(db, [change({ id: "k1", entity: "meeting" })], "7", { now: T0, quarantine: true });
    const other = testDb();
    await restoreAll(other, await backupAll(db), { now: T0 });
    expect(await other.quarantine.toArray()).toEqual(await db.quarantine.toArray());
  });

  it("the v2 → v3 upgrade adds the empty quarantine and keeps every row", async () => {
    const factory = new IDBFactory();
    const v2 = new Dexie("mig3", { indexedDB: factory, IDBKeyRange });
    v2.version(2).stores(SCHEMA_V2);
    await v2.table("changes").add(change({ id: "c1" }));
    await v2.table("outbox").add({ id: "c1", hlc: "000001778400000:00000:D1", queuedAt: 1 });
    await v2.table("rejected").add({ id: "c0", reason: "Không có quyền.", at: 2 });
    await v2.table("results").put({ id: "i1/I.1.1", inspectionId: "i1", _inspectionId: "i1", note: "ghi chú" });
    await v2.table("meta").put({ key: "pullCursor", value: "9" });
    v2.close();
    const db = testDb("mig3", factory);
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.quarantine.count()).toBe(0);
    expect(await db.changes.count()).toBe(1);
    expect(await db.outbox.get("c1")).toEqual({ id: "c1", hlc: "000001778400000:00000:D1", queuedAt: 1 });
    expect(await db.rejected.get("c0")).toEqual({ id: "c0", reason: "Không có quyền.", at: 2 });
    expect((await db.results.get("i1/I.1.1"))?.note).toBe("ghi chú");
    expect((await db.meta.get("pullCursor"))?.value).toBe("9");
  });
});

describe("refused changes after an app update", () => {
  it("are queued again once per new version, in stamp order, and a refusal without its change stays", async () => {
    const db = testDb();
    const c = (id: string, hlc: string) => ({ id, entity: "result" as const, rowId: "i1/I.1.1", field: "note", value: id, hlc, prevHlc: null, device: "D1", user: "u" });
    await db.changes.bulkAdd([c("a", "000001778400002:00000:D1"), c("b", "000001778400001:00000:D1")]);
    await db.rejected.bulkAdd([
      { id: "a", reason: "x", at: 1 },
      { id: "b", reason: "y", at: 1 },
      { id: "gone", reason: "z", at: 1 },
    ]);
    expect(await noteAppVersion(db, "v1", T0)).toBe(2);
    expect((await db.outbox.orderBy("hlc").toArray()).map((o) => o.id)).toEqual(["b", "a"]);
    expect((await db.rejected.toArray()).map((r) => r.id)).toEqual(["gone"]);
    await db.rejected.put({ id: "a", reason: "x", at: 2 });
    await db.outbox.clear();
    expect(await noteAppVersion(db, "v1", T0)).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await noteAppVersion(db, "v2", T0)).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });
});
