/** A server restored from a backup (a new epoch) makes the tablet push its own changes again and pull from the start. */
import { describe, expect, it } from "vitest";
import type { AppDb } from "../../src/app/db/AppDb";
import { META } from "../../src/app/db/META";
import type { ChangeRow } from "../../src/app/db/rowTypes";
import { formatHlc } from "../../src/domain/hlc";
import { noteEpoch } from "../../src/app/sync/noteEpoch";
import { testDb } from "./testDb";

const NOW = Date.UTC(2026, 5, 1);

function changeRow(id: string, device: string, ms: number): ChangeRow {
  return {
    id,
    entity: "inspection",
    rowId: "ins-1",
    field: "notes",
    value: id,
    hlc: formatHlc({ ms, counter: 0, device }),
    prevHlc: null,
    device,
    user: "u",
  };
}

/** A tablet "me" that has pulled up to cursor 42 from the server of epoch `epoch`, with its own and a teammate's change. */
async function tablet(epoch: string | null): Promise<AppDb> {
  const db = testDb();
  await db.meta.bulkPut([
    { key: META.deviceId, value: "me" },
    { key: META.pullCursor, value: "42" },
    ...(epoch === null ? [] : [{ key: META.epoch, value: epoch }]),
  ]);
  await db.changes.bulkPut([changeRow("mine-1", "me", 100), changeRow("mine-2", "me", 200), changeRow("theirs", "you", 150)]);
  return db;
}
const meta = async (db: AppDb, key: string) => (await db.meta.get(key))?.value;

describe("noteEpoch", () => {
  it("a new epoch resets the pull cursor and queues every own change again", async () => {
    const db = await tablet("epoch-1");
    expect(await noteEpoch(db, "epoch-2", NOW)).toBe(true);
    expect(await meta(db, META.pullCursor)).toBe("0");
    expect(await meta(db, META.epoch)).toBe("epoch-2");
    const outbox = await db.outbox.orderBy("hlc").toArray();
    expect(outbox).toEqual([
      { id: "mine-1", hlc: formatHlc({ ms: 100, counter: 0, device: "me" }), queuedAt: NOW },
      { id: "mine-2", hlc: formatHlc({ ms: 200, counter: 0, device: "me" }), queuedAt: NOW },
    ]);
    db.close();
  });

  it.each([
    { why: "the same epoch changes nothing", seen: "epoch-1", answer: "epoch-1" as string | undefined },
    { why: "the first epoch a tablet sees is only remembered", seen: null, answer: "epoch-1" },
    { why: "a server that names no epoch changes nothing", seen: "epoch-1", answer: undefined },
    { why: "an empty epoch changes nothing", seen: "epoch-1", answer: "" },
  ])("$why", async ({ seen, answer }) => {
    const db = await tablet(seen);
    expect(await noteEpoch(db, answer, NOW)).toBe(false);
    expect(await meta(db, META.pullCursor)).toBe("42");
    expect(await db.outbox.count()).toBe(0);
    expect(await meta(db, META.epoch)).toBe(answer ? answer : (seen ?? undefined));
    db.close();
  });
});
