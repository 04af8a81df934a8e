import { describe, expect, it } from "vitest";
import { writeEdits } from "../../src/app/db/writeEdits";
import { applyRemoteChanges } from "../../src/app/db/applyRemoteChanges";
import { parseHlc } from "../../src/domain/hlc";
import { testDb } from "./testDb";

const T0 = Date.UTC(2026, 4, 10, 8);

describe("writeEdits", () => {
  it("stores change, row and outbox entry together, chaining prevHlc", async () => {
    const db = testDb();
    const [a] = await writeEdits(db, [{ entity: "result", rowId: "i1/I.1.1", field: "outcome", value: "conform" }], { now: T0 });
    const [b] = await writeEdits(db, [{ entity: "result", rowId: "i1/I.1.1", field: "outcome", value: "nonconform" }], { now: T0 + 5 });
    expect(a!.prevHlc).toBeNull();
    expect(b!.prevHlc).toBe(a!.hlc);
    expect(parseHlc(b!.hlc).ms).toBe(T0 + 5);
    const row = await db.results.get("i1/I.1.1");
    expect(row?.outcome).toBe("nonconform");
    expect(row?._hlc?.outcome).toBe(b!.hlc);
    expect(row?._conflicts).toBeUndefined();
    expect((await db.outbox.toArray()).map((o) => o.id).sort()).toEqual([a!.id, b!.id].sort());
    expect(await db.changes.count()).toBe(2);
  });

  it("stamps increase even when the clock goes backwards", async () => {
    const db = testDb();
    const [a] = await writeEdits(db, [{ entity: "inspection", rowId: "i1", field: "notes", value: "x" }], { now: T0 });
    const [b] = await writeEdits(db, [{ entity: "inspection", rowId: "i1", field: "notes", value: "y" }], { now: T0 - 60_000 });
    expect(b!.hlc > a!.hlc).toBe(true);
  });

  it("rejects an invalid value and writes nothing", async () => {
    const db = testDb();
    await expect(
      writeEdits(db, [
        { entity: "result", rowId: "i1/I.1.1", field: "note", value: "ok" },
        { entity: "result", rowId: "i1/I.1.1", field: "outcome", value: "great" },
      ]),
    ).rejects.toThrow(/không hợp lệ/);
    expect(await db.changes.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.results.count()).toBe(0);
  });

  it("a concurrent remote edit becomes a conflict; a finalized inspection refuses local edits", async () => {
    const db = testDb();
    await writeEdits(db, [{ entity: "result", rowId: "i1/I.1.1", field: "inspectionId", value: "i1" }], { now: T0 });
    await writeEdits(db, [{ entity: "result", rowId: "i1/I.1.1", field: "outcome", value: "conform" }], { now: T0 + 1 });
    const remote = {
      id: "r1",
      entity: "result",
      rowId: "i1/I.1.1",
      field: "outcome",
      value: "partial",
      hlc: "000001778400000:00000:OTHER",
      prevHlc: null,
      device: "OTHER",
      user: "b",
    };
    const rep = await applyRemoteChanges(db, [remote, remote], "42", { now: T0 });
    expect(rep).toEqual({ added: 1, duplicates: 1, invalid: [] });
    const row = await db.results.get("i1/I.1.1");
    expect(row?._conflicts?.outcome?.map((c) => c.value)).toHaveLength(1);
    expect((await db.meta.get("pullCursor"))?.value).toBe("42");
    await writeEdits(db, [{ entity: "inspection", rowId: "i1", field: "status", value: "finalized" }], { now: T0 + 10 });
    await expect(writeEdits(db, [{ entity: "result", rowId: "i1/I.1.1", field: "note", value: "late" }], { now: T0 + 20 })).rejects.toThrow(
      /đã kết thúc/,
    );
    // A remote edit stamped after the lock is kept as a conflict, not applied.
    await applyRemoteChanges(db, [{ ...remote, id: "r2", field: "note", value: "after", hlc: "009999999999999:00000:OTHER" }], undefined, {
      now: T0,
    });
    const after = await db.results.get("i1/I.1.1");
    expect(after?.note).toBeUndefined();
    expect(after?._conflicts?.note?.[0]?.reason).toBe("locked");
    // Reopening releases the lock and the kept edit applies.
    await writeEdits(db, [{ entity: "inspection", rowId: "i1", field: "status", value: "draft", reopen: true }], { now: T0 + 30 });
    expect((await db.results.get("i1/I.1.1"))?.note).toBe("after");
  });
});
