/** Account administration from the console: create with full name and team, change role and team, reset a password (shown once), and the clear refusals. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, call, change, hlc, openHarness, push, type Harness, type TestUser } from "./serverHarness";

describe("account administration", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness("pglite");
  });
  afterAll(async () => {
    await h?.close();
  });
  const login = (username: string, password: string) => call(h, "POST", "/api/auth/login", null, { username, password });

  it("creates an account with its full name and team, changes its role, team and name, and keeps it in the province", async () => {
    await h.reset();
    const dost = await addUser(h, "so-p1", "dost", "P1");
    const created = await call(h, "POST", "/api/users", dost, { username: "nguyen.an", password: "rung-tram-nam-9", role: "inspector", province: "P1", team: "T1", displayName: "Nguyễn Văn An" });
    expect(created.status).toBe(201);
    expect(created.json.user).toMatchObject({ username: "nguyen.an", role: "inspector", province: "P1", team: "T1", displayName: "Nguyễn Văn An", disabled: false });
    const id = created.json.user.id as string;
    const patched = await call(h, "PATCH", `/api/users/${id}`, dost, { role: "lead", team: "T2", displayName: "Nguyễn Văn Ân" });
    expect(patched.status).toBe(200);
    expect(patched.json.user).toMatchObject({ role: "lead", team: "T2", displayName: "Nguyễn Văn Ân" });
    const listed = (await call(h, "GET", "/api/users", dost)).json.users as { id: string; role: string; team: string | null; displayName: string }[];
    expect(listed.find((u) => u.id === id)).toMatchObject({ role: "lead", team: "T2", displayName: "Nguyễn Văn Ân" });
    // the new role is what the next login says
    expect((await login("nguyen.an", "rung-tram-nam-9")).json.user).toMatchObject({ role: "lead", team: "T2" });
    // a DOST account has no team; a team role needs one
    expect((await call(h, "PATCH", `/api/users/${id}`, dost, { role: "dost" })).json.user).toMatchObject({ role: "dost", team: null });
    const noTeam = await call(h, "PATCH", `/api/users/${id}`, dost, { role: "inspector" });
    expect(noTeam.status).toBe(400);
    expect(noTeam.json).toMatchObject({ code: "team-required" });
    expect(noTeam.json.detail).toMatch(/cần thuộc một đoàn/);
    // a DOST never makes an admin, nor changes its own role
    expect((await call(h, "PATCH", `/api/users/${id}`, dost, { role: "admin" })).status).toBe(403);
    expect((await call(h, "PATCH", `/api/users/${dost.id}`, dost, { role: "lead", team: "T1" })).json).toMatchObject({ status: 409, code: "own-role" });
    expect((await call(h, "PATCH", `/api/users/${id}`, dost, { username: "doi-ten" })).status).toBe(400);
  });

  it("answers bad input with a clear Vietnamese message and a code, never a 5xx, and writes nothing", async () => {
    await h.reset();
    const dost = await addUser(h, "so-p1", "dost", "P1");
    const dostP2 = await addUser(h, "so-p2", "dost", "P2");
    await addUser(h, "Tran.Binh", "inspector", "P1", "T1");
    // a team record of P2 (DOST P2 names it): P1's accounts cannot join it
    expect((await push(h, dostP2, [change({ entity: "team", rowId: "doan-p2", field: "name", value: "Đoàn số 1", hlc: hlc(5000), user: "so-p2" })])).json.accepted).toHaveLength(1);
    const cases: { body: Record<string, unknown>; status: number; code: string; detail: RegExp }[] = [
      { body: { username: "tran.binh", password: "rung-tram-nam-9", role: "inspector", province: "P1", team: "T1" }, status: 409, code: "username-taken", detail: /đã có/ },
      { body: { username: "le.cuong", password: "ngan", role: "inspector", province: "P1", team: "T1" }, status: 400, code: "weak-password", detail: /ít nhất 12 ký tự/ },
      { body: { username: "le.cuong", password: "123456789012", role: "inspector", province: "P1", team: "T1" }, status: 400, code: "weak-password", detail: /phổ biến/ },
      { body: { username: "le.cuong", password: "rung-tram-nam-9", role: "inspector", province: "P2", team: "T1" }, status: 403, code: "other-province", detail: /tỉnh của mình/ },
      { body: { username: "le.cuong", password: "rung-tram-nam-9", role: "inspector", province: "P1", team: "doan-p2" }, status: 400, code: "team-other-province", detail: /thuộc tỉnh khác \(P2\)/ },
      { body: { username: "lê cường", password: "rung-tram-nam-9", role: "inspector", province: "P1", team: "T1" }, status: 400, code: "invalid", detail: /chữ không dấu/ },
    ];
    for (const k of cases) {
      const r = await call(h, "POST", "/api/users", dost, k.body);
      expect(r.status, JSON.stringify(k.body)).toBe(k.status);
      expect(r.headers.get("content-type")).toMatch(/problem\+json/);
      expect(r.json).toMatchObject({ code: k.code });
      expect(r.json.detail).toMatch(k.detail);
    }
    const users = (await call(h, "GET", "/api/users", dost)).json.users as { username: string }[];
    expect(users.map((u) => u.username).sort()).toEqual(["Tran.Binh", "so-p1"]);
    // moving an account into another province's team is refused the same way
    const binh = users.find((u) => u.username === "Tran.Binh") as unknown as TestUser;
    const moved = await call(h, "PATCH", `/api/users/${binh.id}`, dost, { team: "doan-p2" });
    expect(moved).toMatchObject({ status: 400, json: { code: "team-other-province" } });
  });

  it("resets a password to a new one answered once: the old password and every token stop working", async () => {
    await h.reset();
    const admin = await addUser(h, "quantri", "admin");
    const insp = await addUser(h, "kiemtra", "inspector", "P1", "T1");
    const r = await call(h, "POST", `/api/users/${insp.id}/password`, admin);
    expect(r.status).toBe(200);
    const password = r.json.password as string;
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(r.json.revokedTokens).toBe(1);
    expect((await call(h, "GET", "/api/auth/me", insp)).status).toBe(401);
    expect((await login("kiemtra", "matkhau-123")).status).toBe(401);
    expect((await login("kiemtra", password)).status).toBe(200);
    // a second reset gives another password; the server never shows one again
    const again = await call(h, "POST", `/api/users/${insp.id}/password`, admin);
    expect(again.json.password).not.toBe(password);
    expect(JSON.stringify((await call(h, "GET", "/api/users", admin)).json)).not.toContain(again.json.password as string);
    // one's own password is changed with the current one, in Settings
    expect((await call(h, "POST", `/api/users/${admin.id}/password`, admin)).json).toMatchObject({ code: "own-password" });
  });
});
