/**
 * The server merges only the fields a push touched (and whole rows when a finalize lock moves). Seeded random
 * pushes, in any order and batching, must leave exactly the state a from-scratch merge of every row gives.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Change } from "../../src/domain/change";
import { formatHlc } from "../../src/domain/hlc";
import { recomputeRows } from "../../src/server/sync/recomputeRows";
import { referenceState } from "./referenceState";
import { addUser, openHarness, push, type Harness, type TestUser } from "./serverHarness";

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

describe("incremental merge equals a full merge", () => {
  let h: Harness;
  let lead: TestUser;
  beforeAll(async () => {
    h = await openHarness("pglite");
  });
  afterAll(async () => {
    await h?.close();
  });

  const snapshot = async () =>
    (await h.storage.query("select entity, row_id, data, meta, conflicts, conflict_count, inspection_id from rows order by entity, row_id")).rows;

  it("for 25 seeds of random edits, finalizes, reopens and re-parented findings", async () => {
    const first = Number(process.env.MERGE_SEED ?? 1);
    for (let seed = first; seed < first + 25; seed++) {
      try {
        await h.reset();
        lead = await addUser(h, "lead1", "lead", "P1", "T1");
        const r = rng(seed);
        const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
        const last = new Map<string, string>();
        const changes: Change[] = [];
        let ms = 1_700_000_000_000;
        for (let i = 0; i < 60; i++) {
          const device = pick(["a", "b", "c"]);
          ms += Math.floor(r() * 5000) - 1000;
          const hlc = formatHlc({ ms, counter: i, device });
          const kind = r();
          let c: Omit<Change, "id" | "hlc" | "prevHlc" | "device" | "user">;
          if (kind < 0.2) c = { entity: "inspection", rowId: pick(["I1", "I2"]), field: "status", value: pick(["draft", "submitted", "finalized"]), ...(r() < 0.3 ? { reopen: true } : {}) };
          else if (kind < 0.35) c = { entity: "inspection", rowId: pick(["I1", "I2"]), field: "notes", value: `n${i}` };
          // a result's id is <inspection>/<criterion> (the server refuses another inspectionId); findings move
          else if (kind < 0.5) {
            const rowId = pick(["I1/C1", "I1/C2", "I2/C1"]);
            c = { entity: "result", rowId, field: "inspectionId", value: rowId.split("/")[0] };
          } else if (kind < 0.85) c = { entity: "result", rowId: pick(["I1/C1", "I1/C2", "I2/C1"]), field: pick(["note", "outcome"]), value: pick(["conform", "partial", "x", "y"]) };
          else if (kind < 0.92) c = { entity: "finding", rowId: pick(["F1", "F2", "F3"]), field: "inspectionId", value: pick(["I1", "I2"]) };
          else c = { entity: "finding", rowId: pick(["F1", "F2"]), field: "text", value: pick(["t", "u"]) };
          if (c.field === "outcome" && !["conform", "partial"].includes(String(c.value))) c = { ...c, value: "conform" };
          const k = `${c.entity}/${c.rowId}/${c.field}`;
          // Sometimes a causal successor, sometimes a concurrent write.
          const prevHlc = r() < 0.6 ? (last.get(k) ?? null) : null;
          const ch: Change = { ...c, id: `s${seed}-${i}`, hlc, prevHlc, device, user: "lead1" };
          last.set(k, hlc);
          changes.push(ch);
        }
        // Random order, random batches, some repeated.
        const order = [...changes].sort(() => r() - 0.5);
        for (let i = 0; i < order.length; ) {
          const n = 1 + Math.floor(r() * 8);
          const batch = order.slice(i, i + n);
          const res = await push(h, lead, r() < 0.2 ? [...batch, ...batch] : batch);
          expect(res.status).toBe(200);
          if (process.env.MERGE_DEBUG) {
            const inc = await snapshot();
            await h.storage.transaction((tx) => recomputeRows(tx, inc.map((x) => ({ entity: x.entity as Change["entity"], rowId: String(x.row_id) })), 0));
            const full = await snapshot();
            if (JSON.stringify(full) !== JSON.stringify(inc)) {
              console.log("inspections", JSON.stringify(inc.filter((x) => x.entity === "inspection").map((x) => [x.row_id, (x.data as Record<string, unknown>).status, (x.meta as Record<string, { hlc: string }>).status?.hlc])));
              console.log("diverged after batch", JSON.stringify(batch.map((b) => [b.entity, b.rowId, b.field, b.value, b.hlc, b.prevHlc, b.reopen])));
              for (let j = 0; j < inc.length; j++) if (JSON.stringify(inc[j]) !== JSON.stringify(full[j])) console.log("inc", JSON.stringify(inc[j]), "\nfull", JSON.stringify(full[j]));
              throw new Error("diverged");
            }
          }
          i += n;
        }
        const incremental = await snapshot();
        const want = referenceState(changes);
        expect(incremental.map((x) => `${x.entity}/${x.row_id}`).sort()).toEqual([...want.keys()].sort());
        for (const x of incremental) expect({ data: x.data, conflicts: x.conflicts }, `${x.entity}/${x.row_id}`).toEqual(want.get(`${x.entity}/${x.row_id}`));
        const keys = incremental.map((x) => ({ entity: x.entity as Change["entity"], rowId: String(x.row_id) }));
        await h.storage.transaction((tx) => recomputeRows(tx, keys, 0));
        expect(await snapshot()).toEqual(incremental);
      } catch (e) {
        console.error(`incremental merge failed with MERGE_SEED=${seed}`);
        throw e;
      }
    }
  });
});
