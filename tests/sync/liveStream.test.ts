import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInspection } from "../../src/app/db/createInspection";
import { scoreCriterion } from "../../src/app/db/scoreCriterion";
import { onLiveChange, startLiveStream } from "../../src/app/sync/liveStream";
import { SyncEngine } from "../../src/app/sync/SyncEngine";
import { testDb } from "../app-db/testDb";
import { BASE, openSyncServer, type SyncServer } from "./syncHarness";

let server: SyncServer;
beforeAll(async () => {
  server = await openSyncServer([
    { username: "lan", role: "lead", province: "LS", team: "T1" },
    { username: "minh", role: "inspector", province: "LS", team: "T1" },
  ]);
});
afterAll(async () => server.storage.close());

const base = { agencyId: "a1", checklistId: "tt26", checklistVersion: "1", mode: "onsite" as const, teamId: "T1", province: "LS", startedOn: "2026-05-10" };
const tokenOf = (u: string) => async () => server.users.get(u)!.token;

async function until(cond: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let k = 0; k < 500; k++) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`still waiting: ${what}`);
}

describe("live changes on the tablet", () => {
  it("a score made on one tablet reaches the team's other tablet through the stream, with no timer or edit on it", async () => {
    const dbA = testDb();
    const dbB = testDb();
    // Timers that never fire: only the live stream can make tablet B sync.
    const never = () => () => undefined;
    const a = new SyncEngine({ db: dbA, baseUrl: BASE, fetch: server.fetch, getToken: tokenOf("lan"), locks: null, schedule: never });
    const b = new SyncEngine({ db: dbB, baseUrl: BASE, fetch: server.fetch, getToken: tokenOf("minh"), locks: null, schedule: never });
    let heard = 0;
    const unlisten = onLiveChange(() => heard++);
    const stop = startLiveStream({ baseUrl: BASE, fetch: server.fetch, getToken: tokenOf("minh"), onChange: () => void b.syncNow() });
    try {
      await until(() => heard === 1, "the stream's first event (ready)");
      const id = await createInspection(dbA, base);
      await scoreCriterion(dbA, { inspectionId: id, criterionCode: "I.a.1", outcome: "nonconform", severity: "major" });
      expect((await a.syncNow()).phase).toBe("idle");
      await until(async () => (await dbB.results.toArray()).some((r) => r.outcome === "nonconform"), "tablet B holding tablet A's score");
      const got = (await dbB.results.toArray()).find((r) => r.criterionCode === "I.a.1");
      expect(got?.outcome).toBe("nonconform");
      expect(got?.severity).toBe("major");
      expect(heard).toBeGreaterThanOrEqual(2);
    } finally {
      stop();
      unlisten();
    }
  });

  it("without a stream (an older server, a buffering proxy) it polls on a timer and keeps trying the stream with backoff", async () => {
    const waits: number[] = [];
    let polls = 0;
    let tries = 0;
    let stop = () => undefined as void;
    const noStream: typeof fetch = async (url, init) => {
      if (String(url).endsWith("/api/sync/live")) {
        tries++;
        return new Response('{"detail":"Không tìm thấy"}', { status: 404, headers: { "Content-Type": "application/problem+json" } });
      }
      return server.fetch(url, init);
    };
    await new Promise<void>((done) => {
      stop = startLiveStream({
        baseUrl: BASE,
        fetch: noStream,
        getToken: tokenOf("minh"),
        onChange: () => polls++,
        pollMs: 30_000,
        sleep: async (ms) => {
          waits.push(ms);
          if (waits.length === 8) done();
          await new Promise((r) => setTimeout(r, 0));
        },
      });
    });
    stop();
    expect(waits).toEqual([2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
    // Polled once 30 s of waiting had passed, then after each wait of 30 s or more.
    expect(polls).toBe(4);
    expect(tries).toBeGreaterThanOrEqual(8);
  });

  it("a token-less app (logged out) opens no stream and polls nothing", async () => {
    let calls = 0;
    const waits: number[] = [];
    let stop = () => undefined as void;
    await new Promise<void>((done) => {
      stop = startLiveStream({
        baseUrl: BASE,
        fetch: async () => {
          calls++;
          return new Response("", { status: 500 });
        },
        getToken: async () => null,
        onChange: () => calls++,
        sleep: async (ms) => {
          waits.push(ms);
          if (waits.length === 8) done();
          await new Promise((r) => setTimeout(r, 0));
        },
      });
    });
    stop();
    expect(calls).toBe(0);
    // Eight minutes of waiting without a session: long past the 30 s polling period of a failed stream.
    expect(waits).toEqual(Array(8).fill(60_000));
  });
});
