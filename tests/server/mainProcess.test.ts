/** `npm start` and `npm run admin` as real processes on an embedded PGlite data directory. */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { startServerProcess } from "./serverProcess";

const CLI = fileURLToPath(new URL("../../src/server/adminCli.ts", import.meta.url));

describe("server and admin command on a PGlite data directory", () => {
  const dir = mkdtempSync(join(tmpdir(), "htqlcl-main-"));
  const dataDir = join(dir, "data");
  const staticDir = join(dir, "dist");
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, "index.html"), "<!doctype html><title>Kiểm tra ISO</title>");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const admin = (...args: string[]) => {
    const r = spawnSync(process.execPath, ["--import", "tsx", CLI, ...args], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" }, encoding: "utf8" });
    return { code: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
  };
  const login = async (url: string, username: string, password: string) =>
    fetch(`${url}/api/auth/login`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ username, password }) });

  it("creates the admin with a generated password printed once, serves the app and the API", async () => {
    const env = { DATA_DIR: dataDir, STATIC_DIR: staticDir, ADMIN_PASSWORD: "", DATABASE_URL: "" };
    const s1 = await startServerProcess(env);
    const got = { password: "" };
    try {
      got.password = /generated password: (\S+)/.exec(s1.output())?.[1] ?? "";
      expect(got.password.length).toBeGreaterThanOrEqual(12);
      expect((await login(s1.url, "admin", got.password)).status).toBe(200);
      const page = await fetch(`${s1.url}/kiem-tra/123`);
      expect(await page.text()).toContain("Kiểm tra ISO");
      const api = await fetch(`${s1.url}/api/khong-co`);
      expect(api.status).toBe(404);
      expect(api.headers.get("content-type")).toMatch(/problem\+json/);
    } finally {
      await s1.kill();
    }
    const s2 = await startServerProcess(env);
    try {
      expect(s2.output()).not.toMatch(/generated password/);
      expect((await login(s2.url, "admin", got.password)).status).toBe(200);
    } finally {
      await s2.kill();
    }
  });

  it("creates users, resets passwords, revokes tokens and starts epochs from the command line", async () => {
    expect(admin("create-user", "truongdoan", "mat-khau-1", "lead", "P1", "T1")).toMatchObject({ code: 0, out: expect.stringContaining("created lead") });
    const dup = admin("create-user", "truongdoan", "mat-khau-1", "lead", "P1", "T1");
    expect(dup.code).toBe(1);
    expect(dup.err).toMatch(/^admin: user "truongdoan" already exists$/m);
    const bad = admin("create-user", "kiemtravien", "mat-khau-1", "inspector", "P1");
    expect(bad.code).toBe(1);
    expect(bad.err.split("\n").filter((l) => l.startsWith("admin:"))).toHaveLength(1);
    expect(bad.err).not.toMatch(/\bat .*\.ts/);
    expect(admin("reset-password", "khongco", "mat-khau-2").err).toMatch(/no user "khongco"/);
    expect(admin("frobnicate").err).toMatch(/unknown command "frobnicate"; usage:/);

    const s = await startServerProcess({ DATA_DIR: dataDir, STATIC_DIR: staticDir, DATABASE_URL: "" });
    const before = { token: "", epoch: "" };
    try {
      const r = await login(s.url, "truongdoan", "mat-khau-1");
      before.token = ((await r.json()) as { token: string }).token;
      before.epoch = ((await (await fetch(`${s.url}/api/health`)).json()) as { epoch: string }).epoch;
    } finally {
      await s.kill();
    }
    expect(admin("revoke-tokens", "truongdoan")).toMatchObject({ code: 0, out: 'revoked 1 token(s) of "truongdoan"' });
    expect(admin("reset-password", "truongdoan", "mat-khau-moi")).toMatchObject({ code: 0 });
    expect(admin("new-epoch")).toMatchObject({ code: 0, out: expect.stringContaining("new server epoch") });
    const s2 = await startServerProcess({ DATA_DIR: dataDir, STATIC_DIR: staticDir, DATABASE_URL: "" });
    try {
      expect((await fetch(`${s2.url}/api/auth/me`, { headers: { Authorization: `Bearer ${before.token}` } })).status).toBe(401);
      expect((await login(s2.url, "truongdoan", "mat-khau-1")).status).toBe(401);
      expect((await login(s2.url, "truongdoan", "mat-khau-moi")).status).toBe(200);
      expect(((await (await fetch(`${s2.url}/api/health`)).json()) as { epoch: string }).epoch).not.toBe(before.epoch);
    } finally {
      await s2.kill();
    }
  });
});
