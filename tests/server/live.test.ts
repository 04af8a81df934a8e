import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ChangeHub } from "../../src/server/live/ChangeHub";
import { createApp } from "../../src/server/createApp";
import { addUser, call, change, openHarness, TEST_HASH, type Harness, type TestUser } from "./serverHarness";

/** The blocks of an event stream as they arrive ("event: ready…", ": ping", …). */
function eventReader(res: Response) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  return {
    /** The next block, or "(nothing)" if none came within `ms`, or "(closed)". */
    async next(ms = 2000): Promise<string> {
      for (;;) {
        const cut = buffer.indexOf("\n\n");
        if (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          return block;
        }
        pending ??= reader.read();
        const r = await Promise.race([pending, new Promise<"late">((ok) => setTimeout(() => ok("late"), ms))]);
        if (r === "late") return "(nothing)";
        pending = null;
        if (r.done) return "(closed)";
        buffer += decoder.decode(r.value, { stream: true });
      }
    },
    /** The next block that is not a heartbeat. */
    async nextEvent(ms = 2000): Promise<string> {
      for (;;) {
        const b = await this.next(ms);
        if (b !== ": ping") return b;
      }
    },
    cancel: () => reader.cancel(),
  };
}

describe("live changes (GET /api/sync/live)", () => {
  let h: Harness;
  let app: ReturnType<typeof createApp>;
  let hub: ChangeHub;
  const u: Record<string, TestUser> = {};
  beforeAll(async () => {
    h = await openHarness("pglite");
  });
  afterAll(async () => h.close());
  beforeEach(async () => {
    await h.reset();
    hub = new ChangeHub(2, 5);
    app = createApp({ storage: h.storage, now: () => h.clock.ms, hashParams: TEST_HASH, live: { hub, heartbeatMs: 50, heartbeats: 6 } });
    u.leadLS = await addUser(h, "lead-ls", "lead", "LS", "T1");
    u.dostLS = await addUser(h, "dost-ls", "dost", "LS");
    u.dostCB = await addUser(h, "dost-cb", "dost", "CB");
    u.admin = await addUser(h, "quan-tri", "admin");
  });
  const open = (who: TestUser) => app.request("/api/sync/live", { headers: { Authorization: `Bearer ${who.token}` } });
  const pushAs = (who: TestUser, device: string, rowId: string) =>
    app.request("/api/sync/push", {
      method: "POST",
      headers: { Authorization: `Bearer ${who.token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ device, changes: [change({ entity: "agency", rowId, field: "name", value: "UBND xã Đình Lập", device, user: who.id })] }),
    });

  it("tells the province's streams (and the admin's) of an accepted push at once, and no other province's", async () => {
    const streams = await Promise.all([open(u.dostLS!), open(u.dostCB!), open(u.admin!)]);
    for (const s of streams) {
      expect(s.status).toBe(200);
      expect(s.headers.get("content-type")).toMatch(/^text\/event-stream/);
    }
    const [ls, cb, admin] = streams.map(eventReader);
    for (const r of [ls!, cb!, admin!]) expect(await r.nextEvent()).toMatch(/^event: ready\ndata: \{\}/);

    const pushed = await pushAs(u.dostLS!, "dost-pc", "ag-ls-1");
    expect(pushed.status).toBe(200);
    expect(await ls!.nextEvent()).toBe("event: changes\ndata: {}");
    expect(await admin!.nextEvent()).toBe("event: changes\ndata: {}");
    // CB's stream only beats: nothing of Lạng Sơn reaches it, not even that something changed.
    expect(await cb!.next(300)).toBe(": ping");
    expect(await cb!.next(300)).toBe(": ping");

    // A refused push (bad body) tells nobody.
    const bad = await app.request("/api/sync/push", { method: "POST", headers: { Authorization: `Bearer ${u.dostLS!.token}`, "Content-Type": "application/json" }, body: "{}" });
    expect(bad.status).toBe(400);
    expect(await ls!.next(300)).toBe(": ping");
    await Promise.all([ls!.cancel(), cb!.cancel(), admin!.cancel()]);
  });

  it("a stream ends after its heartbeats, so the client reconnects and its token is checked again", async () => {
    const r = eventReader(await open(u.leadLS!));
    const blocks: string[] = [];
    for (let b = await r.next(); b !== "(closed)" && blocks.length < 20; b = await r.next()) blocks.push(b);
    expect(blocks[0]).toMatch(/^event: ready/);
    expect(blocks.slice(1)).toEqual(Array(6).fill(": ping"));
    await call(h, "POST", "/api/auth/logout", u.leadLS!);
    expect((await open(u.leadLS!)).status).toBe(401);
  });

  it("needs a valid token, and limits streams per account and per server without failing the account's sync", async () => {
    expect((await app.request("/api/sync/live")).status).toBe(401);
    expect((await app.request("/api/sync/live", { headers: { Authorization: `Bearer ${"x".repeat(43)}` } })).status).toBe(401);
    const a = await open(u.leadLS!);
    const b = await open(u.leadLS!);
    const third = await open(u.leadLS!);
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toBe("60");
    expect(((await third.json()) as { detail: string }).detail).toBe("Tài khoản này đang mở quá nhiều luồng cập nhật trực tiếp. Ứng dụng vẫn tự đồng bộ định kỳ.");
    const others = [await open(u.dostLS!), await open(u.dostCB!), await open(u.admin!)];
    expect(others.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(hub.size).toBe(5);
    expect((await open(u.dostCB!)).status).toBe(503);
    // The account still syncs while its streams are refused.
    expect((await pushAs(u.leadLS!, "tablet-1", "ag-ls-2")).status).toBe(200);
    for (const r of [a, b, ...others]) await r.body!.cancel();
    await new Promise((ok) => setTimeout(ok, 120));
    expect(hub.size).toBe(0);
    expect((await open(u.leadLS!)).status).toBe(200);
  });
});
