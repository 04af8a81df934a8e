/** Request bodies that used to freeze the server or answer 500: compressed, deep, large, concurrent, and the bad strings. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/server/auth/sha256Hex";
import { createApp } from "../../src/server/createApp";
import { jsonTooDeep } from "../../src/server/jsonTooDeep";
import { addUser, call, change, openHarness, TEST_HASH, TEST_PASSWORD, type Harness, type TestUser } from "./serverHarness";

describe("request bodies and bad inputs", () => {
  let h: Harness;
  let insp: TestUser;
  let admin: TestUser;
  let dost: TestUser;
  beforeAll(async () => {
    h = await openHarness("pglite");
    insp = await addUser(h, "insp1", "inspector", "P1", "T1");
    admin = await addUser(h, "quantri", "admin");
    dost = await addUser(h, "so-p1", "dost", "P1");
  });
  afterAll(async () => {
    await h?.close();
  });
  const expectProblem = (r: { status: number; headers: Headers; text: string }, status: number, label = "") => {
    expect(r.status, `${label} ${r.text}`).toBe(status);
    expect(r.headers.get("content-type"), label).toMatch(/^application\/problem\+json/);
    expect(r.text).not.toMatch(/at .*\.ts:\d+|Error:/);
  };
  const raw = (path: string, body: BodyInit, headers: Record<string, string>, user: TestUser | null = insp) =>
    h.app.request(path, { method: "POST", headers: { ...(user ? { Authorization: `Bearer ${user.token}` } : {}), ...headers }, body });
  const asCall = async (r: Response) => ({ status: r.status, headers: r.headers, text: await r.text() });

  it("refuses compressed bodies on the auth and user routes", async () => {
    const nested = gzipSync("[".repeat(4_000_000) + "]".repeat(4_000_000));
    expect(nested.length).toBeLessThan(64 * 1024);
    expectProblem(await asCall(await raw("/api/auth/login", nested as BodyInit, { "Content-Type": "application/json", "Content-Encoding": "gzip" }, null)), 415, "login");
    const user = gzipSync(JSON.stringify({ username: "moi", password: "mat-khau-dai-lam", role: "dost", province: "P1" }));
    expectProblem(await asCall(await raw("/api/users", user as BodyInit, { "Content-Type": "application/json", "Content-Encoding": "gzip" }, admin)), 415, "users");
  });

  it("inflates a push only up to the route's own limit", async () => {
    const small = createApp({ storage: h.storage, now: () => h.clock.ms, maxPushBytes: 50_000, hashParams: TEST_HASH });
    const big = { device: "d", changes: [change({ entity: "result", rowId: "I1/A", field: "note", value: "x".repeat(200_000) })] };
    const gz = gzipSync(JSON.stringify(big));
    expect(gz.length).toBeLessThan(50_000);
    const r = await small.request("/api/sync/push", { method: "POST", headers: { Authorization: `Bearer ${insp.token}`, "Content-Type": "application/json", "Content-Encoding": "gzip" }, body: gz as BodyInit });
    expectProblem(await asCall(r), 413);
  });

  it("refuses nesting deeper than the bound before parsing, with a scan that skips strings", async () => {
    const deep = `{"device":"d","changes":[${"[".repeat(5_000_000)}${"]".repeat(5_000_000)}]}`;
    const r = await asCall(await raw("/api/sync/push", deep, { "Content-Type": "application/json" }));
    expectProblem(r, 400);
    expect(JSON.parse(r.text).detail).toMatch(/lồng nhau quá 32 cấp/);
    // brackets inside strings (escaped quotes too) are text, not nesting
    expect(jsonTooDeep(JSON.stringify({ a: "[".repeat(1000), b: '\\"[[[[' }))).toBe(false);
    expect(jsonTooDeep(`${"[".repeat(33)}${"]".repeat(33)}`)).toBe(true);
    expect(jsonTooDeep(`${"[".repeat(32)}${"]".repeat(32)}`)).toBe(false);
    const c = change({ entity: "result", rowId: "I1/B", field: "note", value: "[".repeat(5000), user: "insp1", device: "devA" });
    const ok = await call(h, "POST", "/api/sync/push", insp, { device: "devA", changes: [c] });
    expect(ok.json.accepted).toEqual([c.id]);
  });

  it("parses a big push off the event loop and answers it like a small one", async () => {
    const changes = Array.from({ length: 1500 }, (_, i) => change({ entity: "result", rowId: `I9/${i}`, field: "note", value: `ghi chú ${i} `.repeat(20), user: "insp1", device: "devA" }));
    const body = JSON.stringify({ device: "devA", changes });
    expect(body.length).toBeGreaterThan(300 * 1024);
    const r = await call(h, "POST", "/api/sync/push", insp, body);
    expect(r.status).toBe(200);
    expect(r.json.accepted).toHaveLength(1500);
    const broken = await call(h, "POST", "/api/sync/push", insp, body.slice(0, -2));
    expectProblem(broken, 400);
  });

  it("holds only a few large bodies at once: the next one is a 503 with Retry-After, and a small one still passes", async () => {
    const app = createApp({ storage: h.storage, now: () => h.clock.ms, maxLargeBodies: 1, hashParams: TEST_HASH });
    let release: () => void = () => undefined;
    const held = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"device":"devA","changes":[]'));
        release = () => {
          controller.enqueue(new TextEncoder().encode("}"));
          controller.close();
        };
      },
    });
    // a body of unknown length (chunked) counts as large until it is read
    const first = app.request("/api/sync/push", { method: "POST", headers: { Authorization: `Bearer ${insp.token}`, "Content-Type": "application/json" }, body: held, duplex: "half" } as RequestInit);
    await new Promise((r) => setTimeout(r, 50));
    const second = await app.request("/api/sync/push", {
      method: "POST",
      headers: { Authorization: `Bearer ${insp.token}`, "Content-Type": "application/json", "Content-Length": String(2 * 1024 * 1024) },
      body: new Uint8Array(2 * 1024 * 1024).fill(32) as BodyInit,
    });
    expectProblem(await asCall(second), 503);
    expect(second.headers.get("retry-after")).toBe("5");
    const smallBody = JSON.stringify({ device: "devA", changes: [] });
    const small = await app.request("/api/sync/push", {
      method: "POST",
      headers: { Authorization: `Bearer ${insp.token}`, "Content-Type": "application/json", "Content-Length": String(smallBody.length) },
      body: smallBody,
    });
    expect(small.status).toBe(200);
    release();
    expect((await first).status).toBe(200);
  });

  it("answers the eight bad inputs that gave 500 with a 4xx problem (or a per-change refusal), and writes nothing of them", async () => {
    const proto = change({ entity: "result", rowId: "I1/P", field: "__proto__", value: "x", user: "insp1", device: "devA" });
    const ctor = change({ entity: "inspection", rowId: "I1", field: "constructor", value: "x", user: "insp1", device: "devA" });
    const good = change({ entity: "result", rowId: "I1/Q", field: "note", value: "tốt", user: "insp1", device: "devA" });
    const p = await call(h, "POST", "/api/sync/push", insp, { device: "devA", changes: [proto, ctor, good] });
    expect(p.status).toBe(200);
    expect(p.json.accepted).toEqual([good.id]);
    expect((p.json.rejected as { id: string; reason: string }[]).map((x) => x.id)).toEqual([proto.id, ctor.id]);
    const cases: [string, string, TestUser | null, unknown][] = [
      ["NUL in login username", "/api/auth/login", null, { username: "insp1\u0000", password: TEST_PASSWORD }],
      ["lone surrogate in login password", "/api/auth/login", null, { username: "insp1", password: "\ud800abcdefghijkl" }],
      ["NUL in a new user's username", "/api/users", admin, { username: "a\u0000b", password: "mat-khau-dai-lam", role: "dost", province: "P1" }],
      ["NUL in a new user's province", "/api/users", admin, { username: "moi-nul", password: "mat-khau-dai-lam", role: "dost", province: "P\u00001" }],
      ["NUL in a new user's display name", "/api/users", admin, { username: "moi-nul2", password: "mat-khau-dai-lam", role: "dost", province: "P1", displayName: "Lê\u0000" }],
      ["lone surrogate in a key", "/api/users", admin, { ["x\udc00"]: 1, username: "moi-nul3", password: "mat-khau-dai-lam", role: "dost", province: "P1" }],
    ];
    for (const [label, path, who, body] of cases) expectProblem(await call(h, "POST", path, who, body), 400, label);
    const queries: [string, TestUser][] = [
      ["/api/dost/inspections?year=2026&status=%00", dost],
      ["/api/dost/inspections?year=2026&agency=a%00b", dost],
      ["/api/dost/summary?year=2026&province=P%001", admin],
      ["/api/dost/agencies/a%00b/history?province=P1", admin],
      ["/api/sync/pull?after=0&x=%00", insp],
    ];
    for (const [url, who] of queries) expectProblem(await call(h, "GET", url, who), 400, url);
    expect((await h.storage.query("select 1 from users where username like 'moi-%'")).rows).toEqual([]);
  });

  it("refuses writes with 507 once the disk's free-space reserve is reached, and keeps serving reads", async () => {
    let free = 10 * 1024 * 1024 * 1024;
    const app = createApp({ storage: h.storage, now: () => h.clock.ms, hashParams: TEST_HASH, diskFree: () => free, diskReserveBytes: 256 * 1024 * 1024 });
    const send = (method: string, path: string, body?: string) =>
      app.request(path, { method, headers: { Authorization: `Bearer ${insp.token}`, "Content-Type": "application/json" }, ...(body ? { body } : {}) });
    const c = change({ entity: "result", rowId: "I1/D", field: "note", value: "đĩa", user: "insp1", device: "devA" });
    expect((await send("POST", "/api/sync/push", JSON.stringify({ device: "devA", changes: [c] }))).status).toBe(200);
    free = 100 * 1024 * 1024;
    const full = await send("POST", "/api/sync/push", JSON.stringify({ device: "devA", changes: [change({ entity: "result", rowId: "I1/E", field: "note", value: "x", user: "insp1", device: "devA" })] }));
    expectProblem(await asCall(full), 507);
    const blob = await app.request(`/api/blobs/${"a".repeat(64)}`, { method: "PUT", headers: { Authorization: `Bearer ${insp.token}`, "Content-Type": "image/png" }, body: new Uint8Array([1]) as BodyInit });
    expect(blob.status).toBe(507);
    expect((await send("GET", "/api/sync/pull")).status).toBe(200);
    expect((await app.request("/api/health")).status).toBe(200);
  });

  it("sends the security headers on every answer: API, problems, blobs and the app itself", async () => {
    const dir = mkdtempSync(join(tmpdir(), "htqlcl-static-"));
    try {
      writeFileSync(join(dir, "index.html"), "<!doctype html><title>Kiểm tra ISO</title>");
      writeFileSync(join(dir, "sw.js"), "self.addEventListener('install', () => undefined);");
      const app = createApp({ storage: h.storage, now: () => h.clock.ms, staticDir: dir, hashParams: TEST_HASH });
      const bytes = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]);
      const sha = sha256Hex(bytes);
      expect((await call(h, "PUT", `/api/blobs/${sha}`, insp, bytes, { "Content-Type": "image/jpeg" })).status).toBe(201);
      const req = (path: string, init: RequestInit = {}) => app.request(path, init);
      const answers: [string, Response, boolean][] = [
        ["index", await req("/"), false],
        ["deep link", await req("/kiem-tra/1"), false],
        ["service worker", await req("/sw.js"), false],
        ["health", await req("/api/health"), false],
        ["login", await req("/api/auth/login", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ username: "insp1", password: TEST_PASSWORD }) }), true],
        ["login problem", await req("/api/auth/login", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{" }), true],
        ["pull", await req("/api/sync/pull", { headers: { Authorization: `Bearer ${insp.token}` } }), true],
        ["users", await req("/api/users", { headers: { Authorization: `Bearer ${admin.token}` } }), true],
        ["blob", await req(`/api/blobs/${sha}`, { headers: { Authorization: `Bearer ${insp.token}` } }), false],
        ["404", await req("/api/khong-co"), false],
      ];
      for (const [label, r, noStore] of answers) {
        const csp = r.headers.get("content-security-policy") ?? "";
        for (const d of ["default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "worker-src 'self'", "script-src 'self'"]) expect(csp, label).toContain(d);
        expect(csp, label).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
        expect(r.headers.get("x-content-type-options"), label).toBe("nosniff");
        expect(r.headers.get("referrer-policy"), label).toBe("no-referrer");
        if (noStore) expect(r.headers.get("cache-control"), label).toBe("no-store");
      }
      expect(answers.find(([l]) => l === "blob")![1].headers.get("cache-control")).toMatch(/private/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
