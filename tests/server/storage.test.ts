/** The storage suite: the same push/pull/merge/blob behaviour on embedded PGlite and on a real PostgreSQL. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { migrationFiles, runMigrations } from "../../src/server/runMigrations";
import { newEpoch } from "../../src/server/newEpoch";
import { detectRestore } from "../../src/server/detectRestore";
import { sha256Hex } from "../../src/server/auth/sha256Hex";
import { delayAfter, LOGIN_THROTTLE } from "../../src/server/auth/loginThrottle";
import { addUser, call, change, countChanges, hlc, openHarness, pullAll, push, rowOf, TEST_PASSWORD, type Backend, type Harness, type TestUser } from "./serverHarness";

describe.each<Backend>(["pglite", "postgres"])("storage on %s", (backend) => {
  let h: Harness;
  let lead: TestUser;
  let insp: TestUser;
  beforeAll(async () => {
    h = await openHarness(backend);
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    await h.reset();
    lead = await addUser(h, "lead1", "lead", "P1", "T1");
    insp = await addUser(h, "insp1", "inspector", "P1", "T1");
  });

  it("runs every migration once: a second run applies nothing", async () => {
    expect(migrationFiles().length).toBeGreaterThan(0);
    expect(await runMigrations(h.storage)).toEqual([]);
    const r = await h.storage.query<{ name: string }>("select name from schema_migrations order by name");
    expect(r.rows.map((x) => x.name)).toEqual(migrationFiles().map((f) => f.name));
  });

  it("upgrades an existing database: only a new migration runs, and the data stays", async () => {
    const c = change({ entity: "finding", rowId: "F-up", field: "text", value: "trước khi nâng cấp" });
    await push(h, insp, [c]);
    const next = [...migrationFiles(), { name: "999_test_upgrade.sql", sql: "-- a later migration\nalter table rows add column test_upgrade text;\nupdate rows set test_upgrade = data->>'text'" }];
    try {
      expect(await runMigrations(h.storage, next)).toEqual(["999_test_upgrade.sql"]);
      expect((await h.storage.query("select test_upgrade from rows where row_id = 'F-up'")).rows).toEqual([{ test_upgrade: "trước khi nâng cấp" }]);
      expect(await runMigrations(h.storage, next)).toEqual([]);
    } finally {
      await h.storage.query("alter table rows drop column if exists test_upgrade");
      await h.storage.query("delete from schema_migrations where name = '999_test_upgrade.sql'");
    }
  });

  it("stores a change once: a repeated id is accepted again, not stored twice", async () => {
    const c = change({ entity: "inspection", rowId: "I1", field: "notes", value: "ghi chú" });
    const first = await push(h, insp, [c, c]);
    expect(first.status).toBe(200);
    expect(first.json.accepted).toEqual([c.id, c.id]);
    const again = await push(h, insp, [c]);
    expect(again.json).toMatchObject({ accepted: [c.id], rejected: [] });
    expect(await countChanges(h, "id = $1", [c.id])).toBe(1);
    expect((await pullAll(h, insp)).map((x) => x.id)).toEqual([c.id]);
  });

  it("applies each change to the current-state table in the same push, and answers for every id", async () => {
    const a = change({ entity: "result", rowId: "I1/I.1.1", field: "outcome", value: "conform" });
    const bad = change({ entity: "result", rowId: "I1/I.1.1", field: "outcome", value: "tuyệt vời" });
    const unknown = change({ entity: "result", rowId: "I1/I.1.1", field: "nope", value: 1 });
    const b = change({ entity: "result", rowId: "I1/I.1.1", field: "inspectionId", value: "I1" });
    const r = await push(h, insp, [a, bad, unknown, b]);
    expect(r.json.accepted).toEqual([a.id, b.id]);
    expect(r.json.rejected.map((x: { id: string }) => x.id)).toEqual([bad.id, unknown.id]);
    for (const x of r.json.rejected) expect(x.reason).toMatch(/[ạ-ỹ]|không/);
    const row = await rowOf(h, "result", "I1/I.1.1");
    expect(row).toMatchObject({ data: { outcome: "conform", inspectionId: "I1" }, province: "P1", team: "T1" });
    expect(await countChanges(h, "status = 'rejected'")).toBe(2);
    // A rejected change never blocks the device's later ones, and its repeat gets the same answer.
    const later = change({ entity: "result", rowId: "I1/I.1.1", field: "note", value: "sau" });
    const r2 = await push(h, insp, [bad, later]);
    expect(r2.json.accepted).toEqual([later.id]);
    expect(r2.json.rejected[0].id).toBe(bad.id);
  });

  it("keeps concurrent different writes as a conflict and lets a causal successor win whatever the clocks say", async () => {
    const base = change({ entity: "result", rowId: "I1/X", field: "note", value: "A", hlc: hlc(5000, "devA") });
    // devB's clock is ten years ahead; devC's is behind but it edited after seeing devB's value.
    const future = change({ entity: "result", rowId: "I1/X", field: "note", value: "B", hlc: hlc(5000 + 10 * 365 * 86400_000, "devB"), prevHlc: base.hlc, device: "devB" });
    const concurrent = change({ entity: "result", rowId: "I1/X", field: "note", value: "C", hlc: hlc(6000, "devC"), prevHlc: base.hlc, device: "devC" });
    await push(h, insp, [base, future, concurrent]);
    let row = await rowOf(h, "result", "I1/X");
    expect(row!.data.note).toBe("B");
    expect(row!.conflicts.note!.map((c) => [c.changeId, c.reason])).toEqual([[concurrent.id, "concurrent"]]);
    const resolve = change({ entity: "result", rowId: "I1/X", field: "note", value: "C", hlc: hlc(7000, "devL"), prevHlc: future.hlc, merges: [concurrent.hlc], device: "devL" });
    await push(h, lead, [resolve]);
    row = await rowOf(h, "result", "I1/X");
    expect(row!.data.note).toBe("C");
    expect(row!.conflicts.note).toBeUndefined();
  });

  it("locks a finalized inspection: later edits are kept as conflicts, not applied, even when they arrive first", async () => {
    const setI = change({ entity: "result", rowId: "I1/A", field: "inspectionId", value: "I1", hlc: hlc(1000) });
    const late = change({ entity: "result", rowId: "I1/A", field: "note", value: "sau khi hoàn tất", hlc: hlc(3000, "devB"), device: "devB" });
    await push(h, insp, [setI, late]);
    expect((await rowOf(h, "result", "I1/A"))!.data.note).toBe("sau khi hoàn tất");
    const fin = change({ entity: "inspection", rowId: "I1", field: "status", value: "finalized", hlc: hlc(2000, "devL"), device: "devL" });
    expect((await push(h, lead, [fin])).json.accepted).toEqual([fin.id]);
    const row = await rowOf(h, "result", "I1/A");
    expect(row!.data.note).toBeUndefined();
    expect(row!.conflicts.note!.map((c) => [c.changeId, c.reason])).toEqual([[late.id, "locked"]]);
    // Reopening (lead only) releases the lock and the kept edit applies.
    const byInsp = change({ entity: "inspection", rowId: "I1", field: "status", value: "draft", hlc: hlc(4000), prevHlc: fin.hlc, reopen: true });
    expect((await push(h, insp, [byInsp])).json.rejected[0].reason).toMatch(/trưởng đoàn/);
    // The lead's reopen carried by a teammate (a bundle) is judged on who sent it: refused; the lead's own push counts.
    const reopen = change({ entity: "inspection", rowId: "I1", field: "status", value: "draft", hlc: hlc(4000, "devL"), prevHlc: fin.hlc, reopen: true, device: "devL", user: "lead1" });
    const carried = await call(h, "POST", "/api/sync/bundle", insp, { format: "htqlcl-bundle/1", changes: [reopen], blobs: {} });
    expect(carried.json.rejected[0].reason).toMatch(/trưởng đoàn/);
    expect((await rowOf(h, "result", "I1/A"))!.data.note).toBeUndefined();
    expect((await push(h, lead, [reopen])).json.accepted).toEqual([reopen.id]);
    expect((await rowOf(h, "result", "I1/A"))!.data.note).toBe("sau khi hoàn tất");
  });

  it("moves workflow fields forward only: a backward change without reopen is kept as a conflict", async () => {
    const dost = await addUser(h, "dost1", "dost", "P1");
    const open = change({ entity: "action", rowId: "A1", field: "status", value: "open", hlc: hlc(1000) });
    const verified = change({ entity: "action", rowId: "A1", field: "status", value: "verified", hlc: hlc(2000, "devD"), prevHlc: open.hlc, device: "devD" });
    const back = change({ entity: "action", rowId: "A1", field: "status", value: "open", hlc: hlc(3000), prevHlc: verified.hlc });
    await push(h, insp, [open]);
    await push(h, dost, [verified]);
    await push(h, insp, [back]);
    const row = await rowOf(h, "action", "A1");
    expect(row!.data.status).toBe("verified");
    expect(row!.conflicts.status!.map((c) => c.reason)).toEqual(["backward"]);
  });

  it("never lets a published checklist version change", async () => {
    const dost = await addUser(h, "dost1", "dost", "P1");
    const doc = (title: string) => ({ format: "htqlcl-checklist/1", id: "ck", version: "2025", title, source: { document: "QĐ" }, sections: [{ code: "I", title: "Mục I", scored: true, items: [] }] });
    const first = change({ entity: "checklist", rowId: "ck@2025", field: "document", value: doc("Bộ tiêu chí") });
    const same = change({ entity: "checklist", rowId: "ck@2025", field: "document", value: doc("Bộ tiêu chí") });
    const other = change({ entity: "checklist", rowId: "ck@2025", field: "document", value: doc("Sửa lại") });
    const wrongRow = change({ entity: "checklist", rowId: "ck@2026", field: "document", value: doc("Bộ tiêu chí") });
    const r = await push(h, dost, [first, same, other, wrongRow]);
    expect(r.json.accepted).toEqual([first.id, same.id]);
    expect(r.json.rejected.map((x: { id: string }) => x.id)).toEqual([other.id, wrongRow.id]);
    expect((await rowOf(h, "checklist", "ck@2025"))!.data.document).toMatchObject({ title: "Bộ tiêu chí" });
  });

  it("pulls in pages after a cursor, in push order, only within the user's scope", async () => {
    const other = await addUser(h, "insp2", "inspector", "P1", "T2");
    const mine = Array.from({ length: 7 }, (_, i) => change({ entity: "finding", rowId: `F${i}`, field: "text", value: `phát hiện ${i}` }));
    const theirs = Array.from({ length: 3 }, (_, i) => change({ entity: "finding", rowId: `G${i}`, field: "text", value: `khác ${i}` }));
    await push(h, insp, mine.slice(0, 4));
    await push(h, other, theirs);
    await push(h, insp, mine.slice(4));
    const got = await pullAll(h, lead, 3);
    expect(got.map((c) => c.id)).toEqual(mine.map((c) => c.id));
    expect(got[0]).toEqual({ ...mine[0], user: "insp1" }); // the author is who pushed it
    expect((await pullAll(h, other, 2)).map((c) => c.id)).toEqual(theirs.map((c) => c.id));
    // A reader with nothing to see jumps to the newest committed change instead of rescanning next time.
    const stranger = await addUser(h, "insp7", "inspector", "P2", "T7");
    expect((await call(h, "GET", "/api/sync/pull?after=0", stranger)).json).toMatchObject({ changes: [], cursor: "10", more: false });
    const page = await call(h, "GET", "/api/sync/pull?after=0&limit=7", lead);
    expect(page.json).toMatchObject({ cursor: "10", more: false });
    expect(page.json.changes).toHaveLength(7);
    const r = await call(h, "GET", "/api/sync/pull?after=999999", lead);
    expect(r.json).toMatchObject({ changes: [], cursor: "999999", more: false });
  });

  it("reports the server epoch in health, push and pull, and a restore gives a new one", async () => {
    const e1 = (await call(h, "GET", "/api/health", null)).json;
    expect(e1).toMatchObject({ ok: true, protocol: 1, storage: backend });
    const p = await push(h, insp, []);
    expect(p.json.epoch).toBe(e1.epoch);
    const e2 = await newEpoch(h.storage);
    expect(e2).not.toBe(e1.epoch);
    expect((await call(h, "GET", "/api/sync/pull", insp)).json.epoch).toBe(e2);
  });

  it("starts a new epoch by itself when the database comes back from a dump into another database", async () => {
    expect(await detectRestore(h.storage)).toBe(false);
    const e1 = (await call(h, "GET", "/api/health", null)).json.epoch;
    expect(await detectRestore(h.storage)).toBe(false);
    // What a restored dump looks like: the recorded identity is another database's.
    await h.storage.query("update server_meta set value = 'another-cluster:1' where key = 'identity'");
    expect(await detectRestore(h.storage)).toBe(true);
    const e2 = (await call(h, "GET", "/api/health", null)).json.epoch;
    expect(e2).not.toBe(e1);
    expect(await detectRestore(h.storage)).toBe(false);
  });

  it("stores blobs by verified hash, harmlessly repeated, size-limited and scoped", async () => {
    const bytes = new TextEncoder().encode("ảnh minh chứng ".repeat(100));
    const sha = sha256Hex(bytes);
    const put = () => call(h, "PUT", `/api/blobs/${sha}`, insp, bytes, { "Content-Type": "image/jpeg" });
    expect((await call(h, "HEAD", `/api/blobs/${sha}`, insp)).status).toBe(404);
    expect((await put()).status).toBe(201);
    expect((await put()).status).toBe(200);
    expect((await call(h, "HEAD", `/api/blobs/${sha}`, lead)).status).toBe(200);
    const got = await h.app.request(`/api/blobs/${sha}`, { headers: { Authorization: `Bearer ${lead.token}` } });
    expect(got.headers.get("content-type")).toBe("image/jpeg");
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes);
    const wrong = await call(h, "PUT", `/api/blobs/${"0".repeat(64)}`, insp, bytes, { "Content-Type": "image/jpeg" });
    expect(wrong.status).toBe(422);
    expect(wrong.headers.get("content-type")).toMatch(/problem\+json/);
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    expect((await call(h, "PUT", `/api/blobs/${sha256Hex(big)}`, insp, big, { "Content-Type": "image/jpeg" })).status).toBe(413);
    const stranger = await addUser(h, "insp9", "inspector", "P2", "T9");
    expect((await call(h, "GET", `/api/blobs/${sha}`, stranger)).status).toBe(404);
    expect(await h.storage.query("select sha256 from blobs")).toMatchObject({ rows: [{ sha256: sha }] });
  });

  it("imports a sync bundle file: its changes under the push rules and its photos, all or nothing", async () => {
    const dost = await addUser(h, "dost1", "dost", "P1");
    const photo = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, ...new TextEncoder().encode("ảnh hiện trường")]);
    const sha = sha256Hex(photo);
    const b64 = Buffer.from(photo).toString("base64");
    // Changes made by the team's inspector on a tablet that never got a link, carried to DOST.
    const changes = [
      change({ entity: "attachment", rowId: "AT1", field: "sha256", value: sha, user: "insp1" }),
      change({ entity: "attachment", rowId: "AT1", field: "caption", value: "Sổ theo dõi", user: "insp1" }),
      change({ entity: "attachment", rowId: "AT1", field: "bytes", value: -5, user: "insp1" }),
    ];
    const damaged = await call(h, "POST", "/api/sync/bundle", dost, { format: "htqlcl-bundle/1", changes, blobs: { [sha]: Buffer.from("khác").toString("base64") } });
    expect(damaged.status).toBe(422);
    expect(await countChanges(h)).toBe(0);
    const bundle = { format: "htqlcl-bundle/1", changes, blobs: { [sha]: b64 }, device: "tabX" };
    const r = await call(h, "POST", "/api/sync/bundle", dost, bundle);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ accepted: [changes[0]!.id, changes[1]!.id], blobs: 1 });
    expect(r.json.rejected.map((x: { id: string }) => x.id)).toEqual([changes[2]!.id]);
    // The rows keep the author's team scope, so the team sees them; importing again changes nothing.
    expect(await rowOf(h, "attachment", "AT1")).toMatchObject({ province: "P1", team: "T1", data: { sha256: sha, caption: "Sổ theo dõi" } });
    expect((await pullAll(h, insp)).map((c) => c.id)).toEqual([changes[0]!.id, changes[1]!.id]);
    expect((await call(h, "POST", "/api/sync/bundle", dost, bundle)).json.accepted).toHaveLength(2);
    expect(await countChanges(h)).toBe(3);
    const got = await h.app.request(`/api/blobs/${sha}`, { headers: { Authorization: `Bearer ${dost.token}` } });
    expect(got.headers.get("content-type")).toBe("image/jpeg");
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(photo);
    expect((await call(h, "POST", "/api/sync/bundle", dost, { format: "htqlcl-bundle/2", changes: [] })).status).toBe(400);
  });

  it("writes nothing of a bundle whose every change is refused (not even its photos), and stores a photo only for an accepted attachment", async () => {
    const dost = await addUser(h, "dost1", "dost", "P1");
    await addUser(h, "insp9", "inspector", "P2", "T9");
    const photo = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, ...new TextEncoder().encode("ảnh của tỉnh khác")]);
    const sha = sha256Hex(photo);
    // A P2 tablet's bundle that does not say where it was exported, carried to P1's DOST by mistake.
    const foreign = [
      change({ entity: "attachment", rowId: "AT9", field: "sha256", value: sha, user: "insp9" }),
      change({ entity: "attachment", rowId: "AT9", field: "caption", value: "Hồ sơ P2", user: "insp9" }),
    ];
    const refused = await call(h, "POST", "/api/sync/bundle", dost, { format: "htqlcl-bundle/1", changes: foreign, blobs: { [sha]: Buffer.from(photo).toString("base64") } });
    expect(refused.status).toBe(422);
    expect(refused.json.detail).toMatch(/từ chối cả 2 thay đổi.*không nhập gì.*tỉnh khác/);
    expect(refused.json.rejected.map((r: { id: string }) => r.id)).toEqual(foreign.map((c) => c.id));
    const counts = async () => (await h.storage.query("select (select count(*)::int from changes) as c, (select count(*)::int from blobs) as b, (select count(*)::int from blob_owners) as o, (select count(*)::int from rows) as r")).rows[0];
    expect(await counts()).toEqual({ c: 0, b: 0, o: 0, r: 0 });

    // One attachment of the team accepted, another from P2 refused: only the accepted one's photo is stored, in the team's scope.
    const other = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 7, 7, 7]);
    const mine = [
      change({ entity: "attachment", rowId: "AT1", field: "sha256", value: sha256Hex(other), user: "insp1" }),
      foreign[0]!,
    ];
    const blobs = { [sha]: Buffer.from(photo).toString("base64"), [sha256Hex(other)]: Buffer.from(other).toString("base64") };
    const mixed = await call(h, "POST", "/api/sync/bundle", dost, { format: "htqlcl-bundle/1", changes: mine, blobs });
    expect(mixed.status).toBe(200);
    expect(mixed.json).toMatchObject({ accepted: [mine[0]!.id], blobs: 1 });
    expect(mixed.json.rejected.map((r: { id: string }) => r.id)).toEqual([foreign[0]!.id]);
    expect((await h.storage.query("select sha256 from blobs")).rows).toEqual([{ sha256: sha256Hex(other) }]);
    expect((await h.storage.query("select province, team from blob_owners")).rows).toEqual([{ province: "P1", team: "T1" }]);
    const got = await h.app.request(`/api/blobs/${sha256Hex(other)}`, { headers: { Authorization: `Bearer ${insp.token}` } });
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(other);
  });

  it("slows failed logins per username and address, in the database", async () => {
    const login = (password: string) => call(h, "POST", "/api/auth/login", null, { username: "lead1", password });
    const free = LOGIN_THROTTLE.pair.free;
    for (let i = 0; i < free; i++) expect((await login("sai")).status).toBe(401);
    const blocked = await login(TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.json.detail).toMatch(/thử lại/);
    expect(await h.storage.query("select 1 from login_throttle")).toMatchObject({ rows: expect.arrayContaining([expect.anything()]) });
    h.clock.ms += delayAfter(free, LOGIN_THROTTLE.pair);
    const ok = await login(TEST_PASSWORD);
    expect(ok.status).toBe(200);
    expect(ok.json.user).toMatchObject({ username: "lead1", role: "lead", province: "P1", team: "T1" });
    expect((await call(h, "GET", "/api/auth/me", { ...lead, token: ok.json.token })).json.user.username).toBe("lead1");
  });
});
