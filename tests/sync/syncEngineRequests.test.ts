import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInspection } from "../../src/app/db/createInspection";
import { scoreCriterion } from "../../src/app/db/scoreCriterion";
import { SyncEngine, type SyncEngineOptions } from "../../src/app/sync/SyncEngine";
import { testDb } from "../app-db/testDb";
import { BASE, openSyncServer, type SyncServer } from "./syncHarness";

let server: SyncServer;
beforeAll(async () => {
  server = await openSyncServer([{ username: "lan", role: "lead", province: "LS", team: "T1" }]);
});
afterAll(async () => server.storage.close());

const base = { agencyId: "a1", checklistId: "tt26", checklistVersion: "1", mode: "onsite" as const, teamId: "T1", province: "LS", startedOn: "2026-05-10" };
const token = () => server.users.get("lan")!.token;

async function until(cond: () => boolean | Promise<boolean>): Promise<void> {
  for (let k = 0; k < 400 && !(await cond()); k++) await new Promise((r) => setTimeout(r, 10));
}

/**
 * A network whose first push hangs until released, then fails like a dropped connection (or passes, if `failHeld`
 * is false); every other request reaches the server. `pulls` counts completed runs' pull requests.
 */
function heldNetwork(failHeld: boolean) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const net = { held: false, pulls: 0, release };
  const f: typeof fetch = async (i, init) => {
    const url = String(i);
    if (url.includes("/api/sync/pull")) net.pulls++;
    if (url.includes("/api/sync/push") && !net.held) {
      net.held = true;
      await gate;
      if (failHeld) throw new TypeError("Failed to fetch");
    }
    return server.fetch(i, init);
  };
  return { net, fetch: f };
}

/** Timers under test control: each call is recorded with its delay and whether it was cancelled. */
function manualSchedule() {
  const calls: { fn: () => void; ms: number; cancelled: boolean }[] = [];
  const schedule: NonNullable<SyncEngineOptions["schedule"]> = (fn, ms) => {
    const c = { fn, ms, cancelled: false };
    calls.push(c);
    return () => void (c.cancelled = true);
  };
  return { calls, schedule };
}

describe("sync requests made during a run", () => {
  it("'Đồng bộ ngay' pressed while a failing run is in flight runs again right after it and ends idle", async () => {
    const db = testDb();
    await createInspection(db, base);
    const { net, fetch } = heldNetwork(true);
    const engine = new SyncEngine({ db, baseUrl: BASE, fetch, getToken: token, locks: null });
    const first = engine.syncNow();
    await until(() => net.held);
    expect(net.held).toBe(true);
    const second = engine.syncNow(); // the network is back: this request must not be dropped
    net.release();
    const [s1, s2] = await Promise.all([first, second]);
    expect(s2).toBe(s1);
    expect(s2.phase).toBe("idle");
    expect(s2.error).toBeUndefined();
    expect(s2.pending).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(engine.failureCount).toBe(0);
  });

  it("the online event during a failing run is not lost until the backoff retry", async () => {
    const db = testDb();
    await createInspection(db, base);
    const g = globalThis as unknown as { addEventListener?: unknown; removeEventListener?: unknown };
    const target = new EventTarget();
    g.addEventListener = target.addEventListener.bind(target);
    g.removeEventListener = target.removeEventListener.bind(target);
    const { net, fetch } = heldNetwork(true);
    const timers = manualSchedule(); // the backoff retry never fires in this test
    const engine = new SyncEngine({ db, baseUrl: BASE, fetch, getToken: token, locks: null, intervalMs: 3_600_000, schedule: timers.schedule });
    try {
      engine.start(); // first run: its push hangs
      await until(() => net.held);
      target.dispatchEvent(new Event("online"));
      net.release();
      await until(async () => engine.current.phase === "idle" && (await db.outbox.count()) === 0);
      expect(engine.current.phase).toBe("idle");
      expect(engine.current.error).toBeUndefined();
      expect(await db.outbox.count()).toBe(0);
      expect(net.pulls).toBe(1);
    } finally {
      engine.stop();
      delete g.addEventListener;
      delete g.removeEventListener;
    }
  });

  it("a request during a successful run also causes exactly one more run", async () => {
    const db = testDb();
    await createInspection(db, base);
    const { net, fetch } = heldNetwork(false);
    const engine = new SyncEngine({ db, baseUrl: BASE, fetch, getToken: token, locks: null });
    const first = engine.syncNow();
    await until(() => net.held);
    void engine.syncNow();
    void engine.syncNow();
    net.release();
    const s = await first;
    expect(s.phase).toBe("idle");
    expect(net.pulls).toBe(2);
  });
});

describe("sync after local edits", () => {
  it("a started engine syncs by itself one debounce after the last edit, and not once stopped", async () => {
    const db = testDb();
    const timers = manualSchedule();
    const engine = new SyncEngine({
      db,
      baseUrl: BASE,
      fetch: server.fetch,
      getToken: token,
      locks: null,
      intervalMs: 3_600_000,
      writeDebounceMs: 1234,
      schedule: timers.schedule,
    });
    engine.start();
    try {
      await engine.syncNow();
      expect(timers.calls).toEqual([]);
      const id = await createInspection(db, base);
      await scoreCriterion(db, { inspectionId: id, criterionCode: "I.1.1", outcome: "conform" });
      const queued = await db.outbox.count();
      expect(queued).toBeGreaterThan(1);
      // one timer per queued change, each replacing the one before: only the last is live
      expect(timers.calls.map((c) => c.ms)).toEqual(Array<number>(queued).fill(1234));
      expect(timers.calls.filter((c) => !c.cancelled)).toHaveLength(1);
      timers.calls.at(-1)!.fn();
      await until(async () => engine.current.phase === "idle" && (await db.outbox.count()) === 0);
      expect(await db.outbox.count()).toBe(0);
      expect(engine.current.pending).toBe(0);
      const r = await server.storage.query<{ n: number }>("select count(*)::int as n from rows where row_id = $1", [id]);
      expect(r.rows[0]!.n).toBe(1);
    } finally {
      engine.stop();
    }
    const before = timers.calls.length;
    await createInspection(db, base);
    expect(timers.calls).toHaveLength(before);
  });

  it("while a failure retry is pending, edits wait for the retry instead of syncing at once", async () => {
    const db = testDb();
    const timers = manualSchedule();
    const engine = new SyncEngine({
      db,
      baseUrl: BASE,
      fetch: () => Promise.reject(new TypeError("Failed to fetch")),
      getToken: token,
      locks: null,
      intervalMs: 3_600_000,
      backoffMs: 1000,
      random: () => 0.999999,
      writeDebounceMs: 1234,
      schedule: timers.schedule,
    });
    engine.start();
    try {
      const s = await engine.syncNow();
      expect(s.phase).toBe("offline");
      expect(timers.calls).toHaveLength(1); // the backoff retry
      expect(timers.calls[0]!.ms).toBeLessThan(1001);
      await createInspection(db, base);
      expect(await db.outbox.count()).toBeGreaterThan(0);
      expect(timers.calls).toHaveLength(1);
    } finally {
      engine.stop();
    }
  });
});
