import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addPhoto } from "../../src/app/db/addPhoto";
import type { AppDb } from "../../src/app/db/AppDb";
import { createInspection } from "../../src/app/db/createInspection";
import { META } from "../../src/app/db/META";
import { resolveConflict } from "../../src/app/db/resolveConflict";
import { scoreCriterion } from "../../src/app/db/scoreCriterion";
import { login } from "../../src/app/sync/login";
import { SyncEngine } from "../../src/app/sync/SyncEngine";
import type { SyncStatus } from "../../src/app/sync/SyncStatus";
import { resultId } from "../../src/domain/result";
import { testDb } from "../app-db/testDb";
import { BASE, openSyncServer, type SyncServer } from "./syncHarness";

let server: SyncServer;
beforeAll(async () => {
  server = await openSyncServer([
    { username: "lan", role: "lead", province: "LS", team: "T1" },
    { username: "minh", role: "inspector", province: "LS", team: "T1" },
    { username: "other", role: "inspector", province: "LS", team: "T2" },
  ]);
});
afterAll(async () => server.storage.close());
beforeEach(async () => server.wipeData());

async function client(username: string): Promise<{ db: AppDb; engine: SyncEngine }> {
  const db = testDb();
  const { token, user } = server.users.get(username)!;
  await db.meta.put({ key: META.session, value: { token, user: { username, role: user.role, province: user.province, team: user.team } } });
  const engine = new SyncEngine({ db, baseUrl: BASE, fetch: server.fetch, getToken: () => token, locks: null });
  return { db, engine };
}

const base = { agencyId: "a1", checklistId: "tt26", checklistVersion: "1", mode: "onsite" as const, teamId: "T1", province: "LS", startedOn: "2026-05-10" };

describe("SyncEngine against the real server", () => {
  it("pushes, pulls, keeps a concurrent edit as a conflict, and the lead's resolution reaches everyone", async () => {
    const a = await client("lan");
    const b = await client("minh");
    const id = await createInspection(a.db, base);
    await scoreCriterion(a.db, { inspectionId: id, criterionCode: "I.1.1", outcome: "conform" });
    const seen: SyncStatus[] = [];
    a.engine.subscribe((s) => seen.push(s));
    expect((await a.engine.syncNow()).phase).toBe("idle");
    expect(seen.some((s) => s.phase === "pushing")).toBe(true);
    expect(await a.db.outbox.count()).toBe(0);
    await b.engine.syncNow();
    expect((await b.db.inspections.get(id))?.agencyId).toBe("a1");
    // both edit the same criterion offline
    await scoreCriterion(a.db, { inspectionId: id, criterionCode: "I.1.1", outcome: "partial" });
    await scoreCriterion(b.db, { inspectionId: id, criterionCode: "I.1.1", outcome: "nonconform", severity: "major" });
    await a.engine.syncNow();
    await b.engine.syncNow();
    await a.engine.syncNow();
    const ra = await a.db.results.get(resultId(id, "I.1.1"));
    const rb = await b.db.results.get(resultId(id, "I.1.1"));
    expect(ra?.outcome).toBe(rb?.outcome);
    expect(ra?._conflicts?.outcome).toHaveLength(1);
    expect(rb?._conflicts).toEqual(ra?._conflicts);
    await resolveConflict(a.db, "result", resultId(id, "I.1.1"), "outcome", "partial");
    await a.engine.syncNow();
    await b.engine.syncNow();
    const rb2 = await b.db.results.get(resultId(id, "I.1.1"));
    expect(rb2?.outcome).toBe("partial");
    expect(rb2?._conflicts?.outcome).toBeUndefined();
  });

  it("uploads photos separately and another tablet downloads them intact", async () => {
    const a = await client("lan");
    const b = await client("minh");
    const id = await createInspection(a.db, base);
    const bytes = new Uint8Array(5000).map((_, i) => (i * 31) % 251).buffer;
    await addPhoto(a.db, { inspectionId: id, ownerId: resultId(id, "I.1.1"), bytes, mime: "image/jpeg", caption: "Sổ tay chất lượng" });
    await a.engine.syncNow();
    expect((await a.db.blobs.toArray()).map((x) => x.uploaded)).toEqual([1]);
    await b.engine.syncNow();
    const got = await b.db.blobs.toArray();
    expect(got).toHaveLength(1);
    expect(new Uint8Array(got[0]!.bytes)).toEqual(new Uint8Array(bytes));
    // a photo the server already has is not sent again (resuming after a lost answer)
    const c = await client("minh");
    await addPhoto(c.db, { inspectionId: id, ownerId: resultId(id, "I.1.2"), bytes, mime: "image/jpeg" });
    const methods: string[] = [];
    const counting = new SyncEngine({
      db: c.db,
      baseUrl: BASE,
      fetch: (i, init) => {
        if (String(i).includes("/api/blobs/")) methods.push(init?.method ?? "GET");
        return server.fetch(i, init);
      },
      getToken: () => server.users.get("minh")!.token,
      locks: null,
    });
    await counting.syncNow();
    expect(methods).toEqual(["HEAD"]);
    expect((await c.db.blobs.toArray()).map((x) => x.uploaded)).toEqual([1]);
  });

  it("a refused change leaves the outbox, is kept with its reason, and does not block later changes", async () => {
    const a = await client("lan");
    const o = await client("other");
    const id = await createInspection(a.db, base);
    await a.engine.syncNow();
    await o.engine.syncNow(); // sees nothing of team T1
    expect(await o.db.inspections.count()).toBe(0);
    const { writeEdits } = await import("../../src/app/db/writeEdits");
    await writeEdits(o.db, [{ entity: "inspection", rowId: id, field: "notes", value: "không được phép" }]);
    const mine = await createInspection(o.db, { ...base, teamId: "T2" });
    const s = await o.engine.syncNow();
    expect(s.phase).toBe("idle");
    expect(await o.db.outbox.count()).toBe(0);
    const rej = await o.db.rejected.toArray();
    expect(rej).toHaveLength(1);
    expect(rej[0]!.reason).toMatch(/đoàn kiểm tra khác/);
    const r = await server.storage.query<{ n: number }>("select count(*)::int as n from rows where row_id = $1", [mine]);
    expect(r.rows[0]!.n).toBe(1);
  });

  it("reports offline without losing anything, then catches up", async () => {
    const a = await client("lan");
    let up = false;
    const engine = new SyncEngine({
      db: a.db,
      baseUrl: BASE,
      fetch: (i, init) => (up ? server.fetch(i, init) : Promise.reject(new TypeError("Failed to fetch"))),
      getToken: () => server.users.get("lan")!.token,
      locks: null,
    });
    await createInspection(a.db, base);
    const s = await engine.syncNow();
    expect(s.phase).toBe("offline");
    expect(s.error).toMatch(/Không kết nối/);
    expect(s.pending).toBe(await a.db.outbox.count());
    expect(s.pending).toBeGreaterThan(0);
    up = true;
    expect((await engine.syncNow()).pending).toBe(0);
  });

  it("after a server restore (new epoch) the tablet pushes its changes again", async () => {
    const a = await client("lan");
    const id = await createInspection(a.db, base);
    await a.engine.syncNow();
    const n = (await a.db.changes.count());
    await server.wipeData(); // the restored server lost everything, and has a new epoch
    await a.engine.syncNow();
    const r = await server.storage.query<{ n: number }>("select count(*)::int as n from changes where row_id = $1", [id]);
    expect(r.rows[0]!.n).toBe(n);
    expect(await a.db.outbox.count()).toBe(0);
  });

  it("login stores the session", async () => {
    const db = testDb();
    const s = await login(BASE, "minh", "mat-khau-123", { db, fetch: server.fetch });
    expect(s.user).toEqual({ username: "minh", role: "inspector", province: "LS", team: "T1" });
    expect((await db.meta.get(META.session))?.value).toEqual(s);
    await expect(login(BASE, "minh", "sai-mat-khau", { db, fetch: server.fetch })).rejects.toThrow(/Sai tên đăng nhập/);
  });
});
