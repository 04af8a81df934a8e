/** The admin commands in process: users, passwords, tokens, epochs, and their one-line errors. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEpoch } from "../../src/server/getEpoch";
import { adminArgsProblem, runAdminCommand } from "../../src/server/runAdminCommand";
import { call, openHarness, type Harness } from "./serverHarness";

describe("admin commands", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness("pglite");
  });
  afterAll(async () => {
    await h?.close();
  });
  const run = (...args: string[]) => runAdminCommand(h.storage, args);
  const login = (username: string, password: string) => call(h, "POST", "/api/auth/login", null, { username, password });

  it("creates users, refusing duplicates and incomplete ones", async () => {
    expect(await run("create-user", "kiemtra1", "mat-khau-so-1", "inspector", "P1", "T1")).toEqual({ ok: true, out: 'created inspector "kiemtra1" (province P1, team T1)' });
    expect(await run("create-user", "kiemtra1", "mat-khau-so-1", "inspector", "P1", "T1")).toEqual({ ok: false, error: 'user "kiemtra1" already exists' });
    expect(await run("create-user", "kiemtra2", "mat-khau-so-1", "inspector", "P1")).toEqual({ ok: false, error: "invalid user: team: required for lead and inspector" });
    expect(await run("create-user", "kiemtra3", "ngan", "dost", "P1")).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid user: password/) });
    expect(await run("create-user", "kiemtra4", "mat-khau-so-1", "boss", "P1")).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid user: role/) });
    expect((await login("kiemtra1", "mat-khau-so-1")).json.user).toMatchObject({ role: "inspector", province: "P1", team: "T1" });
    // usernames are one account whatever the letter case
    expect(await run("create-user", "KiemTra1", "mat-khau-so-1", "inspector", "P1", "T1")).toEqual({ ok: false, error: 'user "KiemTra1" already exists' });
    expect((await login("KIEMTRA1", "mat-khau-so-1")).json.user).toMatchObject({ username: "kiemtra1" });
  });

  it("resets a password, which revokes the user's tokens, and revokes tokens on demand", async () => {
    await run("create-user", "truongdoan", "mat-khau-so-1", "lead", "P1", "T1");
    const token = (await login("truongdoan", "mat-khau-so-1")).json.token as string;
    const me = () => call(h, "GET", "/api/auth/me", { token } as never);
    expect((await me()).status).toBe(200);
    expect(await run("reset-password", "truongdoan", "mat-khau-moi-2026")).toEqual({ ok: true, out: 'password of "truongdoan" reset; its tokens are revoked' });
    expect((await me()).status).toBe(401);
    expect((await login("truongdoan", "mat-khau-so-1")).status).toBe(401);
    const t2 = (await login("truongdoan", "mat-khau-moi-2026")).json.token as string;
    expect(await run("revoke-tokens", "truongdoan")).toEqual({ ok: true, out: 'revoked 1 token(s) of "truongdoan"' });
    expect((await call(h, "GET", "/api/auth/me", { token: t2 } as never)).status).toBe(401);
    expect(await run("reset-password", "khongco", "mat-khau-so-2")).toEqual({ ok: false, error: 'no user "khongco"' });
    expect(await run("reset-password", "truongdoan", "ngan")).toEqual({ ok: false, error: "password must have 12 to 200 characters, not a common password, and not look like the username" });
    expect(await run("reset-password", "truongdoan", "Password-1234")).toMatchObject({ ok: false });
    expect(await run("revoke-tokens", "khongco")).toEqual({ ok: false, error: 'no user "khongco"' });
  });

  it("disables and enables an account: its tokens are refused at once, and it cannot log in", async () => {
    await run("create-user", "tamkhoa", "mat-khau-so-1", "inspector", "P1", "T1");
    const token = (await login("tamkhoa", "mat-khau-so-1")).json.token as string;
    expect(await run("disable-user", "TamKhoa")).toEqual({ ok: true, out: 'disabled "TamKhoa": it cannot log in and its tokens are refused' });
    expect((await call(h, "GET", "/api/auth/me", { token } as never)).status).toBe(401);
    expect((await login("tamkhoa", "mat-khau-so-1")).status).toBe(403);
    expect(await run("enable-user", "tamkhoa")).toEqual({ ok: true, out: 'enabled "tamkhoa"' });
    expect((await call(h, "GET", "/api/auth/me", { token } as never)).status).toBe(200);
    expect(await run("disable-user", "khongco")).toEqual({ ok: false, error: 'no user "khongco"' });
  });

  it("starts a new epoch, and checks arguments before opening any database", async () => {
    const before = await getEpoch(h.storage);
    const r = await run("new-epoch");
    expect(r.ok).toBe(true);
    expect(await getEpoch(h.storage)).not.toBe(before);
    expect(adminArgsProblem([])).toMatch(/^usage: npm run admin/);
    expect(adminArgsProblem(["reset-password", "x"])).toMatch(/^usage:/);
    expect(adminArgsProblem(["drop-all"])).toMatch(/^unknown command "drop-all"; usage:/);
    expect(adminArgsProblem(["revoke-tokens", "x"])).toBeNull();
  });
});
