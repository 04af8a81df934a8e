/** Malformed requests: never a 5xx, never a stack trace, never a partial write. */
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/server/createApp";
import type { Storage } from "../../src/server/Storage";
import { addUser, call, change, countChanges, hlc, openHarness, push, type Harness, type TestUser } from "./serverHarness";

describe("malformed requests", () => {
  let h: Harness;
  let insp: TestUser;
  beforeAll(async () => {
    h = await openHarness("pglite");
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    await h.reset();
    insp = await addUser(h, "insp1", "inspector", "P1", "T1");
  });

  const counts = async () => {
    const r = await h.storage.query<{ c: number; r: number; b: number; u: number }>(
      "select (select count(*)::int from changes) as c, (select count(*)::int from rows) as r, (select count(*)::int from blobs) as b, (select count(*)::int from users) as u",
    );
    return r.rows[0]!;
  };
  const expectProblem = (r: { status: number; headers: Headers; text: string }, label: string) => {
    expect(r.status, `${label}: ${r.text}`).toBeGreaterThanOrEqual(400);
    expect(r.status, label).toBeLessThan(500);
    expect(r.headers.get("content-type"), label).toMatch(/application\/problem\+json/);
    const body = JSON.parse(r.text) as { detail: string; status: number };
    expect(body.status).toBe(r.status);
    expect(body.detail.normalize("NFC")).toBe(body.detail);
    expect(r.text).not.toMatch(/at .*\.ts:\d+|Error:/);
  };

  it("answers every bad request with a 4xx problem and writes nothing", async () => {
    const good = change({ entity: "result", rowId: "I1/A", field: "note", value: "x" });
    const before = await counts();
    const bad: [string, string, string | Uint8Array | undefined, Record<string, string>?][] = [
      ["POST", "/api/sync/push", "{not json"],
      ["POST", "/api/sync/push", "[]"],
      ["POST", "/api/sync/push", "null"],
      ["POST", "/api/sync/push", JSON.stringify({ device: "d" })],
      ["POST", "/api/sync/push", JSON.stringify({ device: "d", changes: {} })],
      ["POST", "/api/sync/push", JSON.stringify({ changes: [good] })],
      ["POST", "/api/sync/push", JSON.stringify({ device: "d", changes: [good, { entity: "result" }] })],
      ["POST", "/api/sync/push", JSON.stringify({ device: "d", changes: [good, null] })],
      ["POST", "/api/sync/push", JSON.stringify({ device: "d", changes: [good, { ...good, id: "x".repeat(101) }] })],
      ["POST", "/api/sync/push", JSON.stringify({ device: "d", changes: [good, { ...good, id: "a\u0000b" }] })],
      ["POST", "/api/sync/push", JSON.stringify({ device: "d", changes: [good, { ...good, id: 5 }] })],
      ["POST", "/api/sync/push", JSON.stringify({ device: "d", changes: Array.from({ length: 5001 }, (_, i) => ({ ...good, id: `m${i}` })) })],
      ["GET", "/api/sync/pull?after=-1", undefined],
      ["GET", "/api/sync/pull?after=abc", undefined],
      ["GET", "/api/sync/pull?after=1e3", undefined],
      ["GET", "/api/sync/pull?after=99999999999999999999999", undefined],
      ["GET", "/api/sync/pull?limit=0", undefined],
      ["GET", "/api/sync/pull?limit=100000", undefined],
      ["GET", "/api/blobs/xyz", undefined],
      ["PUT", "/api/blobs/ABC", new Uint8Array([1]), { "Content-Type": "image/png" }],
      ["PUT", `/api/blobs/${"a".repeat(64)}`, new Uint8Array([1, 2]), { "Content-Type": "text/html" }],
      ["PUT", `/api/blobs/${"a".repeat(64)}`, new Uint8Array([1, 2]), { "Content-Type": "image/png" }],
      ["PUT", `/api/blobs/${"a".repeat(64)}`, new Uint8Array(0), { "Content-Type": "image/png" }],
      ["POST", "/api/users", "{"],
      ["POST", "/api/users", JSON.stringify({ username: "a b", password: "x", role: "boss" })],
      ["POST", "/api/auth/login", "{"],
      ["POST", "/api/auth/login", JSON.stringify({ username: 5 })],
      ["POST", "/api/auth/login", "x".repeat(300 * 1024)],
      ["GET", "/api/nothing-here", undefined],
      ["DELETE", "/api/sync/push", undefined],
      ["GET", "/api/health", undefined, { "X-Protocol-Version": "999" }],
    ];
    for (const [m, p, body, headers] of bad) {
      const r = await call(h, m, p, insp, body, headers ?? {});
      expectProblem(r, `${m} ${p} ${typeof body === "string" ? body.slice(0, 60) : ""}`);
    }
    expect(await counts()).toEqual(before);
    const upgrade = await call(h, "GET", "/api/sync/pull", insp, undefined, { "X-Protocol-Version": "0" });
    expect(upgrade.status).toBe(426);
    expect(upgrade.json.detail).toMatch(/cập nhật ứng dụng/);
  });

  it("answers a known path with another method 405 and its Allow header, before asking for a token", async () => {
    const cases: [string, string, string][] = [
      ["DELETE", "/api/health", "GET, HEAD"],
      ["POST", "/api/openapi.json", "GET, HEAD"],
      ["GET", "/api/sync/push", "POST"],
      ["PUT", "/api/sync/pull", "GET, HEAD"],
      ["GET", "/api/auth/login", "POST"],
      ["DELETE", "/api/users", "GET, HEAD, POST"],
      ["POST", `/api/blobs/${"a".repeat(64)}`, "GET, HEAD, PUT"],
    ];
    for (const [m, p, allow] of cases) {
      for (const who of [null, insp]) {
        const r = await call(h, m, p, who);
        expect(r.status, `${m} ${p}`).toBe(405);
        expect(r.headers.get("allow"), `${m} ${p}`).toBe(allow);
        expectProblem(r, `${m} ${p}`);
        expect(r.json.detail).toContain(allow);
      }
    }
    // an unknown path stays a 404
    expect((await call(h, "DELETE", "/api/sync/nothing", insp)).status).toBe(404);
  });

  it("refuses a JSON route's body declared as another type with 415, and writes nothing", async () => {
    const good = change({ entity: "result", rowId: "I1/CT", field: "note", value: "x" });
    const before = await counts();
    const bodies: [string, string][] = [
      ["/api/sync/push", JSON.stringify({ device: "d", changes: [good] })],
      ["/api/sync/bundle", JSON.stringify({ format: "htqlcl-bundle/1", changes: [good], blobs: {} })],
      ["/api/users", JSON.stringify({ username: "moi1", password: "matkhau-123", role: "inspector", province: "P1", team: "T1" })],
      ["/api/auth/login", JSON.stringify({ username: "insp1", password: "matkhau-123" })],
    ];
    const admin = await addUser(h, "admin1", "admin");
    for (const [p, body] of bodies) {
      for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
        const r = await call(h, "POST", p, p === "/api/users" ? admin : insp, body, { "Content-Type": type });
        expect(r.status, `${p} as ${type}`).toBe(415);
        expectProblem(r, `${p} as ${type}`);
        expect(r.json.detail).toMatch(/application\/json/);
      }
    }
    expect(await counts()).toEqual({ ...before, u: before.u + 1 });
    // application/json with a charset, or a +json type, is JSON
    const ok = await call(h, "POST", "/api/sync/push", insp, JSON.stringify({ device: "devA", changes: [good] }), { "Content-Type": "application/json; charset=utf-8" });
    expect(ok.json.accepted).toEqual([good.id]);
  });

  it("words validation problems in Vietnamese, in problems and in rejection reasons", async () => {
    const admin = await addUser(h, "admin1", "admin");
    const user = await call(h, "POST", "/api/users", admin, { username: "x", password: "matkhau-123", role: "inspector", province: "P1", team: "T1" });
    expect(user.status).toBe(400);
    const bad = await push(h, insp, [
      change({ entity: "result", rowId: "I1/V", field: "outcome", value: "tốt" }),
      { ...change({ entity: "result", rowId: "I1/V", field: "note", value: "x" }), entity: "khong-co" },
    ]);
    const texts = [user.json.detail as string, ...(bad.json.rejected as { reason: string }[]).map((x) => x.reason)];
    expect(texts).toHaveLength(3);
    for (const t of texts) {
      expect(t).not.toMatch(/Invalid|expected|received|Too small/);
      expect(t).toMatch(/không hợp lệ/);
    }
    expect(texts[1]).toMatch(/mong đợi một trong các giá trị/);
  });

  it("inflates gzip-encoded pushes, and refuses a gzip bomb or an unknown encoding as a whole", async () => {
    const send = (body: Uint8Array, encoding: string) =>
      h.app.request("/api/sync/push", {
        method: "POST",
        headers: { Authorization: `Bearer ${insp.token}`, "Content-Type": "application/json", "Content-Encoding": encoding },
        body: body as BodyInit,
      });
    const c = change({ entity: "result", rowId: "I1/Z", field: "note", value: "nén gzip" });
    const ok = await send(gzipSync(JSON.stringify({ device: "devA", changes: [c] })), "gzip");
    expect(((await ok.json()) as { accepted: string[] }).accepted).toEqual([c.id]);
    const bomb = gzipSync(Buffer.alloc(80 * 1024 * 1024, 32));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const r1 = await send(bomb, "gzip");
    expect(r1.status).toBe(413);
    expect((await send(new TextEncoder().encode("{}"), "br")).status).toBe(415);
    expect(await countChanges(h)).toBe(1);
  });

  it("says 503, not 500, when the database is gone", async () => {
    const down = createApp({ storage: { ...h.storage, kind: "pglite", query: () => Promise.reject(new Error("connection refused")), transaction: () => Promise.reject(new Error("connection refused")), close: () => Promise.resolve() }, now: () => h.clock.ms });
    const r = await down.request("/api/health");
    expect(r.status).toBe(503);
    expect(r.headers.get("content-type")).toMatch(/problem\+json/);
    expect(((await r.json()) as { ok: boolean }).ok).toBe(false);
  });

  it("refuses a push over the size limit as a whole", async () => {
    const small = createApp({ storage: h.storage, maxPushBytes: 10_000, now: () => h.clock.ms });
    const changes = Array.from({ length: 50 }, (_, i) => change({ entity: "result", rowId: `I1/${i}`, field: "note", value: "ghi chú dài ".repeat(30) }));
    const res = await small.request("/api/sync/push", {
      method: "POST",
      headers: { Authorization: `Bearer ${insp.token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ device: "devA", changes }),
    });
    expect(res.status).toBe(413);
    expect(await countChanges(h)).toBe(0);
  });

  it("records bad changes as rejected one by one (seeded fuzz), answering every id once, never a 5xx", async () => {
    const seed = Number(process.env.FUZZ_SEED ?? 20261122);
    let s = seed;
    const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const junk = [null, 0, -1, 1e308, "", "ứ", "a\u0000b", "\ud800", [], {}, [1, "x"], { a: { b: [null] } }, true, "x".repeat(500), "2026-13-45"];
    const keys = ["id", "entity", "rowId", "field", "value", "hlc", "prevHlc", "device", "user", "merges", "reopen", "extra"];
    try {
      for (let round = 0; round < 8; round++) {
        const items = Array.from({ length: 30 }, (_, i) => {
          const c: Record<string, unknown> = { ...change({ entity: pick(["result", "inspection", "action", "agency"] as const), rowId: `R${i % 5}`, field: pick(["note", "status", "outcome", "name", "notes"]), value: pick(["đạt", "conform", "finalized", null]), hlc: hlc(5000 + round * 100 + i) }) };
          const mutations = Math.floor(rnd() * 3);
          for (let k = 0; k < mutations; k++) {
            const key = pick(keys);
            if (key !== "id") c[key] = pick(junk);
          }
          return c;
        });
        const r = await push(h, insp, items);
        expect(r.status, r.text).toBe(200);
        const answered = [...(r.json.accepted as string[]), ...(r.json.rejected as { id: string }[]).map((x) => x.id)].sort();
        expect(answered).toEqual(items.map((c) => c.id as string).sort());
        const stored = await countChanges(h, "id in (select jsonb_array_elements_text($1::jsonb))", [JSON.stringify(items.map((c) => c.id))]);
        expect(stored).toBe(items.length);
        const acceptedStored = await countChanges(h, "status = 'accepted' and id in (select jsonb_array_elements_text($1::jsonb))", [JSON.stringify(r.json.accepted)]);
        expect(acceptedStored).toBe(r.json.accepted.length);
      }
    } catch (e) {
      console.error(`fuzz failed with FUZZ_SEED=${seed}`);
      throw e;
    }
  });

  it("rolls back the whole push when the database fails mid-write (no partial write), and a retry stores it once", async () => {
    let fail = true;
    const flaky: Storage = {
      ...h.storage,
      kind: h.storage.kind,
      query: (sql, params) => h.storage.query(sql, params),
      close: () => Promise.resolve(),
      transaction: (fn) =>
        h.storage.transaction((tx) =>
          fn({
            query: (sql, params) => {
              if (fail && sql.trimStart().startsWith("update rows")) throw new Error("disk full");
              return tx.query(sql, params);
            },
          }),
        ),
    };
    const app = createApp({ storage: flaky, now: () => h.clock.ms });
    const changes = Array.from({ length: 20 }, (_, i) => change({ entity: "result", rowId: `I1/${i}`, field: "note", value: `n${i}` }));
    const send = () =>
      app.request("/api/sync/push", {
        method: "POST",
        headers: { Authorization: `Bearer ${insp.token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ device: "devA", changes }),
      });
    const errSpy = console.error;
    console.error = () => undefined;
    const r1 = await send();
    console.error = errSpy;
    expect(r1.status).toBe(500);
    expect(r1.headers.get("content-type")).toMatch(/problem\+json/);
    expect(await countChanges(h)).toBe(0);
    expect((await h.storage.query("select count(*)::int as n from rows")).rows[0]).toEqual({ n: 0 });
    fail = false;
    const r2 = await send();
    expect(r2.status).toBe(200);
    expect(((await r2.json()) as { accepted: string[] }).accepted).toHaveLength(20);
    expect(await countChanges(h)).toBe(20);
  });
});
