/** The OpenAPI document describes every route the server registers. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, openHarness, type Harness } from "./serverHarness";

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
});
