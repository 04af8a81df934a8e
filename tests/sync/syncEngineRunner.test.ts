import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInspection } from "../../src/app/db/createInspection";
import { SyncEngine } from "../../src/app/sync/SyncEngine";
import { testDb } from "../app-db/testDb";
import { BASE, openSyncServer, type SyncServer } from "./syncHarness";

let server: SyncServer;
beforeAll(async () => {
  server = await openSyncServer([{ username: "lan", role: "lead", province: "LS", team: "T1" }]);
});
afterAll(async () => server.storage.close());

const base = { agencyId: "a1", checklistId: "tt26", checklistVersion: "1", mode: "onsite" as const, teamId: "T1", province: "LS", startedOn: "2026-05-10" };

/** An exclusive Web Locks stand-in (Node 20 has no navigator.locks): one holder per name, others queue. */
function fakeLocks(): LockManager & { requested: string[] } {
  const tails = new Map<string, Promise<unknown>>();
  const requested: string[] = [];
  return {
    requested,
    request(name: string, cb: (lock: Lock | null) => Promise<unknown>) {
      requested.push(name);
      const prev = tails.get(name) ?? Promise.resolve();
      const run = prev.then(() => cb({ name, mode: "exclusive" } as Lock));
      tails.set(name, run.catch(() => undefined));
      return run;
    },
    query: async () => ({ held: [], pending: [] }),
  } as unknown as LockManager & { requested: string[] };
}

describe("sync runner", () => {
  it("two engines on one device (two tabs) never sync at the same time", async () => {
    const db = testDb();
    const other = testDb(db.name, (db as unknown as { _options: { indexedDB: IDBFactory } })._options.indexedDB);
    for (let i = 0; i < 5; i++) await createInspection(db, base);
    const locks = fakeLocks();
    let inFlight = 0;
    let maxInFlight = 0;
    const f: typeof fetch = async (i, init) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        await new Promise((r) => setTimeout(r, 2));
        return await server.fetch(i, init);
      } finally {
        inFlight--;
      }
    };
    const token = () => server.users.get("lan")!.token;
    const a = new SyncEngine({ db, baseUrl: BASE, fetch: f, getToken: token, locks, pushBatch: 20 });
    const b = new SyncEngine({ db: other, baseUrl: BASE, fetch: f, getToken: token, locks, pushBatch: 20 });
    const [sa, sb] = await Promise.all([a.syncNow(), b.syncNow(), a.syncNow()]);
    expect(sa.phase).toBe("idle");
    expect(sb.phase).toBe("idle");
    expect(maxInFlight).toBe(1);
    expect(new Set(locks.requested)).toEqual(new Set([`htqlcl-sync:${db.name}`]));
    expect(await db.outbox.count()).toBe(0);
  });

  it("retries with exponential backoff while failing, and resets after a success", async () => {
    const db = testDb();
    await createInspection(db, base);
    const delays: number[] = [];
    const pending: (() => void)[] = [];
    let up = false;
    const engine = new SyncEngine({
      db,
      baseUrl: BASE,
      fetch: (i, init) => (up ? server.fetch(i, init) : Promise.reject(new TypeError("offline"))),
      getToken: () => server.users.get("lan")!.token,
      locks: null,
      backoffMs: 1000,
      maxBackoffMs: 8000,
      intervalMs: 3_600_000,
      random: () => 0.999999,
      schedule: (fn, ms) => {
        delays.push(Math.round(ms));
        pending.push(fn);
        return () => undefined;
      },
    });
    engine.start();
    try {
      const settle = async () => {
        for (let k = 0; k < 50 && engine.current.phase !== "offline" && engine.current.phase !== "idle"; k++) await new Promise((r) => setTimeout(r, 5));
      };
      await engine.syncNow();
      for (let k = 0; k < 5; k++) {
        pending.shift()!();
        await engine.syncNow();
        await settle();
      }
      expect(delays).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
      expect(engine.current.phase).toBe("offline");
      up = true;
      pending.shift()!();
      const s = await engine.syncNow();
      expect(s.phase).toBe("idle");
      expect(s.pending).toBe(0);
      expect(engine.failureCount).toBe(0);
    } finally {
      engine.stop();
    }
  });

  it("syncs when the network comes back", async () => {
    const db = testDb();
    await createInspection(db, base);
    const g = globalThis as unknown as { addEventListener?: unknown; removeEventListener?: unknown };
    const target = new EventTarget();
    g.addEventListener = target.addEventListener.bind(target);
    g.removeEventListener = target.removeEventListener.bind(target);
    let calls = 0;
    const engine = new SyncEngine({
      db,
      baseUrl: BASE,
      fetch: (i, init) => {
        calls++;
        return server.fetch(i, init);
      },
      getToken: () => server.users.get("lan")!.token,
      locks: null,
      intervalMs: 3_600_000,
    });
    try {
      engine.start();
      await engine.syncNow();
      const before = calls;
      target.dispatchEvent(new Event("online"));
      for (let k = 0; k < 200 && calls === before; k++) await new Promise((r) => setTimeout(r, 5));
      expect(calls).toBeGreaterThan(before);
    } finally {
      engine.stop();
      delete g.addEventListener;
      delete g.removeEventListener;
    }
  });
});
