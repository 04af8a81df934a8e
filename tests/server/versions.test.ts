/** The app and the server exchange protocol and schema versions: an outdated app is told to update, and a push from
 * an app newer than the server is refused whole, so nothing is rejected change by change and lost. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PROTOCOL_VERSION, SCHEMA_VERSION } from "../../src/domain/protocol";
import { addUser, call, change, countChanges, openHarness, type Harness, type TestUser } from "./serverHarness";

describe("protocol and schema versions", () => {
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

  const body = () => ({ device: "devA", changes: [change({ entity: "result", rowId: "I1/A", field: "note", value: "x" })] });
  const headers = (schema: number) => ({ "X-Protocol-Version": String(PROTOCOL_VERSION), "X-Schema-Version": String(schema) });

  it("health and every answer name the server's versions", async () => {
    const r = await call(h, "GET", "/api/health", null);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION });
    expect(r.headers.get("x-schema-version")).toBe(String(SCHEMA_VERSION));
  });

  it("an app with an older schema is told to update, and nothing it sent is stored", async () => {
    const r = await call(h, "POST", "/api/sync/push", insp, body(), headers(SCHEMA_VERSION - 1));
    expect(r.status).toBe(426);
    expect(r.json.detail).toMatch(/Hãy cập nhật ứng dụng/);
    expect(r.json.schema).toBe(SCHEMA_VERSION);
    expect(await countChanges(h)).toBe(0);
  });

  it("an app newer than the server keeps its changes: the push is refused whole, not change by change", async () => {
    const r = await call(h, "POST", "/api/sync/push", insp, body(), headers(SCHEMA_VERSION + 1));
    expect(r.status).toBe(409);
    expect(r.json.detail).toMatch(/giữ trên máy/);
    expect(await countChanges(h)).toBe(0);
  });

  it("the same schema syncs", async () => {
    const r = await call(h, "POST", "/api/sync/push", insp, body(), headers(SCHEMA_VERSION));
    expect(r.status).toBe(200);
    expect(await countChanges(h)).toBe(1);
  });
});
