/** Account lifecycle over the API: disable/enable, own password, devices and their tokens, sliding expiry, and who may do what. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOKEN_IDLE_MS } from "../../src/server/auth/issueToken";
import { addUser, call, change, openHarness, TEST_PASSWORD, type Harness, type TestUser } from "./serverHarness";

const DAY = 24 * 60 * 60 * 1000;

describe("account lifecycle", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness("pglite");
  });
  afterAll(async () => {
    await h?.close();
  });
  const login = async (username: string, password = TEST_PASSWORD, device?: string) => {
    const r = await call(h, "POST", "/api/auth/login", null, { username, password, ...(device ? { device } : {}) }, { "User-Agent": `may-tinh-bang ${device ?? ""}` });
    return { status: r.status, json: r.json, token: r.json?.token as string, as: (u: TestUser) => ({ ...u, token: r.json.token as string }) };
  };
  const me = (token: string) => call(h, "GET", "/api/auth/me", { token } as TestUser);

  it("issues tokens per device, lists them, binds pushes to the device, and revokes one or all", async () => {
    await h.reset();
    const admin = await addUser(h, "quantri", "admin");
    const insp = await addUser(h, "kiemtra", "inspector", "P1", "T1");
    const a = await login("kiemtra", TEST_PASSWORD, "tabletA");
    const b = await login("kiemtra", TEST_PASSWORD, "tabletB");
    expect((await me(a.token)).json.device).toBe("tabletA");
    const devices = (await call(h, "GET", "/api/auth/devices", a.as(insp))).json.devices as { id: string; device: string | null; current: boolean; userAgent: string }[];
    expect(devices.map((d) => d.device).sort()).toEqual([null, "tabletA", "tabletB"]);
    expect(devices.find((d) => d.device === "tabletA")).toMatchObject({ current: true, userAgent: "may-tinh-bang tabletA" });
    // a token pushes only as its device
    const c = change({ entity: "result", rowId: "I1/I.1.1", field: "note", value: "x", user: "kiemtra", device: "tabletA" });
    const wrong = await call(h, "POST", "/api/sync/push", a.as(insp), { device: "tabletB", changes: [c] });
    expect(wrong.status).toBe(403);
    expect(wrong.json.detail).toMatch(/thiết bị "tabletA"/);
    expect((await call(h, "POST", "/api/sync/push", a.as(insp), { device: "tabletA", changes: [c] })).status).toBe(200);
    // the admin revokes tablet B's token only
    const listed = (await call(h, "GET", `/api/users/${insp.id}/tokens`, admin)).json.tokens as { id: string; device: string | null }[];
    const idB = listed.find((t) => t.device === "tabletB")!.id;
    expect((await call(h, "DELETE", `/api/users/${insp.id}/tokens/${idB}`, admin)).json).toEqual({ revoked: 1 });
    expect((await me(b.token)).status).toBe(401);
    expect((await me(a.token)).status).toBe(200);
    expect((await call(h, "DELETE", `/api/users/${insp.id}/tokens/${idB}`, admin)).status).toBe(404);
    // one's own device, by its id
    const idA = listed.find((t) => t.device === "tabletA")!.id;
    const c2 = await login("kiemtra", TEST_PASSWORD, "tabletC");
    expect((await call(h, "DELETE", `/api/auth/devices/${idA}`, c2.as(insp))).status).toBe(204);
    expect((await me(a.token)).status).toBe(401);
    // all of them
    expect((await call(h, "DELETE", `/api/users/${insp.id}/tokens`, admin)).json.revoked).toBe(2);
    expect((await me(c2.token)).status).toBe(401);
    expect((await me(insp.token)).status).toBe(401);
    // a bad device id at login is a clear 400
    const bad = await call(h, "POST", "/api/auth/login", null, { username: "kiemtra", password: TEST_PASSWORD, device: "máy tính bảng" });
    expect(bad.status).toBe(400);
    expect(bad.json.detail).toMatch(/thiết bị/);
  });

  it("disables and enables an account: its tokens are refused at once, it cannot log in, then it can again", async () => {
    await h.reset();
    const dost = await addUser(h, "so-p1", "dost", "P1");
    const insp = await addUser(h, "bikhoa", "inspector", "P1", "T1");
    expect((await me(insp.token)).status).toBe(200);
    const off = await call(h, "POST", `/api/users/${insp.id}/disable`, dost);
    expect(off.status).toBe(200);
    expect(off.json.user).toMatchObject({ id: insp.id, disabled: true });
    expect((await me(insp.token)).status).toBe(401);
    expect((await call(h, "GET", "/api/sync/pull", insp)).status).toBe(401);
    const refused = await login("bikhoa");
    expect(refused.status).toBe(403);
    expect(refused.json.detail).toMatch(/bị khoá/);
    expect((await login("bikhoa", "sai-mat-khau-nua")).status).toBe(401); // a wrong password does not learn the account is disabled
    expect(((await call(h, "GET", "/api/users", dost)).json.users as { id: string; disabled: boolean }[]).find((u) => u.id === insp.id)?.disabled).toBe(true);
    expect((await call(h, "POST", `/api/users/${insp.id}/enable`, dost)).json.user.disabled).toBe(false);
    expect((await me(insp.token)).status).toBe(200);
    expect((await login("bikhoa")).status).toBe(200);
    expect((await call(h, "POST", `/api/users/${dost.id}/disable`, dost)).status).toBe(409);
  });

  it("changes one's own password: the current one is checked, the new one must be strong, other devices are signed out", async () => {
    await h.reset();
    const lead = await addUser(h, "truongdoan", "lead", "P1", "T1");
    const here = await login("truongdoan", TEST_PASSWORD, "tabletA");
    const there = await login("truongdoan", TEST_PASSWORD, "tabletB");
    const change = (currentPassword: string, newPassword: string) => call(h, "POST", "/api/auth/password", here.as(lead), { currentPassword, newPassword });
    expect((await change("sai-mat-khau", "mat-khau-moi-dai")).status).toBe(403);
    const weak = await change(TEST_PASSWORD, "password1234");
    expect(weak.status).toBe(400);
    expect(weak.json.detail).toMatch(/phổ biến/);
    const ok = await change(TEST_PASSWORD, "mat-khau-moi-dai");
    expect(ok.json).toEqual({ changed: true, revokedTokens: 2 });
    expect((await me(here.token)).status).toBe(200);
    expect((await me(there.token)).status).toBe(401);
    expect((await me(lead.token)).status).toBe(401);
    expect((await login("truongdoan")).status).toBe(401);
    expect((await login("truongdoan", "mat-khau-moi-dai")).status).toBe(200);
  });

  it("keeps a token alive while it is used, through weeks offline, and ends it after the idle limit", async () => {
    await h.reset();
    const insp = await addUser(h, "ngoaitroi", "inspector", "P1", "T1");
    const start = h.clock.ms;
    try {
      // five weeks offline, then back: still signed in; and so on, well past the idle limit counted from login
      for (let week = 5; week <= 40; week += 5) {
        h.clock.ms = start + week * 7 * DAY;
        expect((await me(insp.token)).status, `week ${week}`).toBe(200);
      }
      h.clock.ms += TOKEN_IDLE_MS + DAY;
      expect((await me(insp.token)).status).toBe(401);
    } finally {
      h.clock.ms = start;
    }
  });

  it("authorization matrix of the account routes: admin all, a DOST its province's non-admin accounts, anyone their own tokens", async () => {
    await h.reset();
    const actors = {
      admin: await addUser(h, "quantri", "admin"),
      dostP1: await addUser(h, "so-p1", "dost", "P1"),
      dostP2: await addUser(h, "so-p2", "dost", "P2"),
      leadT1: await addUser(h, "truong-t1", "lead", "P1", "T1"),
      inspT1: await addUser(h, "kiemtra-t1", "inspector", "P1", "T1"),
    };
    const targets = { admin2: await addUser(h, "quantri2", "admin"), inspP1: await addUser(h, "nguoi-p1", "inspector", "P1", "T2"), inspP2: await addUser(h, "nguoi-p2", "inspector", "P2", "T3") };
    const may: Record<string, Record<string, number>> = {
      admin: { admin2: 200, inspP1: 200, inspP2: 200 },
      dostP1: { admin2: 404, inspP1: 200, inspP2: 404 },
      dostP2: { admin2: 404, inspP1: 404, inspP2: 200 },
      leadT1: { admin2: 403, inspP1: 403, inspP2: 403 },
      inspT1: { admin2: 403, inspP1: 403, inspP2: 403 },
    };
    const mismatches: string[] = [];
    for (const [name, actor] of Object.entries(actors)) {
      for (const [tname, target] of Object.entries(targets)) {
        const want = may[name]![tname]!;
        const routes: [string, string, unknown?][] = [
          ["GET", `/api/users/${target.id}/tokens`],
          ["PATCH", `/api/users/${target.id}`, { displayName: "Nguyễn Văn Đổi" }],
          ["POST", `/api/users/${target.id}/password`],
          ["POST", `/api/users/${target.id}/disable`],
          ["POST", `/api/users/${target.id}/enable`],
          ["DELETE", `/api/users/${target.id}/tokens/${"0".repeat(16)}`],
          ["DELETE", `/api/users/${target.id}/tokens`],
        ];
        for (const [m, p, body] of routes) {
          const r = await call(h, m, p, actor, body);
          // revoking an unknown token of a manageable account is a 404 of its own
          const expected = want === 200 && p.endsWith("0".repeat(16)) ? 404 : want;
          if (r.status !== expected) mismatches.push(`${name} ${m} ${p.replace(target.id, tname)}: ${r.status}, want ${expected}`);
          if (r.status >= 400) expect(r.headers.get("content-type")).toMatch(/problem\+json/);
        }
      }
      // everyone reaches their own tokens
      expect((await call(h, "GET", `/api/users/${actor.id}/tokens`, actor)).status).toBe(200);
      expect((await call(h, "GET", "/api/auth/devices", actor)).status).toBe(200);
    }
    expect(mismatches).toEqual([]);
    // nobody's tokens were revoked by the refused calls; the admin's revoke-all did end the targets' tokens
    expect((await me(targets.inspP1.token)).status).toBe(401);
    for (const route of ["/api/auth/devices", `/api/users/${actors.inspT1.id}/tokens`]) expect((await call(h, "GET", route, null)).status).toBe(401);
  });
});
