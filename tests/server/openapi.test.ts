/** The OpenAPI document describes every route the server registers. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/server/auth/sha256Hex";
import { schemaProblems } from "./schemaProblems";
import { addUser, call, change, openHarness, type Harness } from "./serverHarness";

describe("GET /api/openapi.json", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness("pglite");
  });
  afterAll(async () => {
    await h?.close();
  });

  it("documents every registered /api route and method, the sync and auth ones by hand", async () => {
    const r = await call(h, "GET", "/api/openapi.json", null);
    expect(r.status).toBe(200);
    const doc = r.json as { openapi: string; paths: Record<string, Record<string, { summary: string; responses: object }>> };
    expect(doc.openapi).toBe("3.1.0");
    const registered = h.app.routes
      .filter((x) => x.path.startsWith("/api/") && x.method !== "ALL")
      .map((x) => ({ method: x.method.toLowerCase(), path: x.path.replace(/:([A-Za-z0-9_]+)/g, "{$1}") }));
    expect(registered.length).toBeGreaterThan(10);
    const missing = registered.filter((x) => !doc.paths[x.path]?.[x.method === "get" && x.path.startsWith("/api/blobs") ? "get" : x.method]);
    expect(missing).toEqual([]);
    for (const p of ["/api/sync/push", "/api/sync/pull", "/api/auth/login", "/api/users", "/api/blobs/{sha256}", "/api/health"]) {
      for (const op of Object.values(doc.paths[p]!)) expect(op.summary).not.toMatch(/^DOST console:/);
    }
    // Nothing documented that does not exist.
    const known = new Set(registered.map((x) => `${x.method} ${x.path}`));
    for (const [p, ops] of Object.entries(doc.paths)) for (const m of Object.keys(ops)) expect(known.has(`${m} ${p}`), `${m} ${p}`).toBe(true);
  });
  it("describes the real requests and answers: every body the server sends fits the documented schema of its status", async () => {
    const doc = (await call(h, "GET", "/api/openapi.json", null)).json as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> }; responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>> };
    await addUser(h, "admin9", "admin");
    const dost = await addUser(h, "dost9", "dost", "P1");
    const insp = await addUser(h, "insp9", "inspector", "P1", "T1");
    await call(h, "POST", "/api/users", dost, { username: "dang-nhap", password: "mat-khau-dai-9", role: "lead", province: "P1", team: "T1" });
    const good = change({ entity: "result", rowId: "I1/I.1.1", field: "outcome", value: "conform", user: "insp9" });
    const bad = change({ entity: "result", rowId: "I1/I.1.1", field: "outcome", value: "tốt", user: "insp9" });
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 9]);
    const sha = sha256Hex(bytes);
    const bundle = { format: "htqlcl-bundle/1", changes: [change({ entity: "result", rowId: "I1/I.1.2", field: "note", value: "x", user: "insp9" })], blobs: { [sha]: Buffer.from(bytes).toString("base64") } };
    const exchanges: [string, string, string, typeof insp | null, unknown, Record<string, string>?][] = [
      ["get", "/api/health", "/api/health", null, undefined],
      ["post", "/api/auth/login", "/api/auth/login", null, { username: "dang-nhap", password: "mat-khau-dai-9" }],
      ["post", "/api/auth/login", "/api/auth/login", null, { username: "dang-nhap", password: "sai-mat-khau" }],
      ["post", "/api/auth/login", "/api/auth/login", null, "{"],
      ["get", "/api/auth/me", "/api/auth/me", insp, undefined],
      ["get", "/api/auth/me", "/api/auth/me", null, undefined],
      ["get", "/api/users", "/api/users", dost, undefined],
      ["get", "/api/users", "/api/users", insp, undefined],
      ["post", "/api/users", "/api/users", dost, { username: "moi-9", password: "mat-khau-dai-9", role: "inspector", province: "P1", team: "T2" }],
      ["post", "/api/users", "/api/users", dost, { username: "moi-9", password: "mat-khau-dai-9", role: "inspector", province: "P1", team: "T2" }],
      ["post", "/api/sync/push", "/api/sync/push", insp, { device: "devA", changes: [good, bad] }],
      ["post", "/api/sync/push", "/api/sync/push", insp, "{", {}],
      ["post", "/api/sync/push", "/api/sync/push", insp, JSON.stringify({ device: "d", changes: [] }), { "Content-Type": "text/plain" }],
      ["post", "/api/sync/bundle", "/api/sync/bundle", dost, bundle],
      ["get", "/api/sync/pull", "/api/sync/pull?after=0&limit=1", insp, undefined],
      ["get", "/api/sync/pull", "/api/sync/pull?after=x", insp, undefined],
      ["put", "/api/blobs/{sha256}", `/api/blobs/${sha}`, insp, bytes, { "Content-Type": "image/jpeg" }],
      ["put", "/api/blobs/{sha256}", `/api/blobs/${sha}`, insp, bytes, { "Content-Type": "image/jpeg" }],
      ["put", "/api/blobs/{sha256}", `/api/blobs/${"0".repeat(64)}`, insp, bytes, { "Content-Type": "image/jpeg" }],
      ["get", "/api/blobs/{sha256}", `/api/blobs/${"1".repeat(64)}`, insp, undefined],
      ["get", "/api/sync/pull", "/api/sync/pull", insp, undefined, { "X-Protocol-Version": "7" }],
      ["get", "/api/ready", "/api/ready", null, undefined],
      ["get", "/api/auth/devices", "/api/auth/devices", insp, undefined],
      ["delete", "/api/auth/devices/{tokenId}", `/api/auth/devices/${"0".repeat(16)}`, insp, undefined],
      ["post", "/api/auth/password", "/api/auth/password", insp, { currentPassword: "sai-mat-khau", newPassword: "mat-khau-moi-dai" }],
      ["get", "/api/users/{id}/tokens", `/api/users/${insp.id}/tokens`, dost, undefined],
      ["post", "/api/users/{id}/disable", `/api/users/${insp.id}/disable`, insp, undefined],
      ["post", "/api/users/{id}/enable", `/api/users/${insp.id}/enable`, dost, undefined],
      ["delete", "/api/users/{id}/tokens/{tokenId}", `/api/users/${insp.id}/tokens/${"0".repeat(16)}`, dost, undefined],
      ["delete", "/api/users/{id}/tokens", `/api/users/${dost.id}/tokens`, insp, undefined],
    ];
    const statuses = new Set<number>();
    for (const [method, path, url, who, body, headers] of exchanges) {
      const label = `${method} ${url} ${typeof body === "string" ? body : ""}`;
      const documented = doc.paths[path]?.[method];
      expect(documented, label).toBeDefined();
      const sent = documented!.requestBody?.content["application/json"]?.schema;
      if (sent && body !== undefined && typeof body !== "string") expect(schemaProblems(doc, sent, body), label).toEqual([]);
      const r = await call(h, method.toUpperCase(), url, who, body, headers ?? {});
      statuses.add(r.status);
      const answer = documented!.responses[String(r.status)];
      expect(answer, `${label}: status ${r.status} is not documented`).toBeDefined();
      const type = (r.headers.get("content-type") ?? "").split(";")[0]!;
      if (!answer!.content) continue;
      expect(Object.keys(answer!.content), label).toContain(type);
      expect(schemaProblems(doc, answer!.content[type]!.schema, r.json), label).toEqual([]);
    }
    expect([...statuses].sort()).toEqual([200, 201, 400, 401, 403, 404, 409, 415, 422, 426]);
    // the schemas say no to what the server refuses
    const Change = (doc as unknown as { components: { schemas: Record<string, unknown> } }).components.schemas.Change;
    expect(schemaProblems(doc, Change, { ...good, hlc: "hôm qua" })).toEqual(["$.hlc: does not match ^(\\d{15}):(\\d{5}):([A-Za-z0-9_-]{1,64})$"]);
    expect(schemaProblems(doc, Change, { ...good, entity: "khong-co", prevHlc: 5 })).toHaveLength(2);
  });
});
