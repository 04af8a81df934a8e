/** `npm start` and `npm run admin` as real processes on an embedded PGlite data directory. */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { startServerProcess } from "./serverProcess";

const CLI = fileURLToPath(new URL("../../src/server/adminCli.ts", import.meta.url));

describe("server and admin command as processes on a PGlite data directory", () => {
  const dir = mkdtempSync(join(tmpdir(), "htqlcl-main-"));
  const dataDir = join(dir, "data");
  const staticDir = join(dir, "dist");
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, "index.html"), "<!doctype html><title>Kiểm tra ISO</title>");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = { DATA_DIR: dataDir, STATIC_DIR: staticDir, ADMIN_PASSWORD: "", DATABASE_URL: "" };

  const admin = (...args: string[]) => {
    const r = spawnSync(process.execPath, ["--import", "tsx", CLI, ...args], { env: { ...process.env, ...env }, encoding: "utf8" });
    return { code: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
  };
  const login = async (url: string, username: string, password: string) =>
    fetch(`${url}/api/auth/login`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ username, password }) });

  it("creates the admin with a generated password printed once, serves the app and the API, obeys the admin command", async () => {
    expect(admin("create-user", "truongdoan", "mat-khau-doan-1", "lead", "P1", "T1")).toMatchObject({ code: 0, out: 'created lead "truongdoan" (province P1, team T1)' });
    const got = { password: "", token: "", epoch: "" };
    const s1 = await startServerProcess(env);
    try {
      // One process owns a PGlite data directory: the admin command refuses while the server runs.
      const busy = admin("new-epoch");
      expect(busy.code).toBe(1);
      expect(busy.err).toMatch(/^admin: cannot open the database: data directory .* is in use by process \d+/m);
      got.password = /generated password: (\S+)/.exec(s1.output())?.[1] ?? "";
      expect(got.password.length).toBeGreaterThanOrEqual(12);
      expect((await login(s1.url, "admin", got.password)).status).toBe(200);
      got.token = ((await (await login(s1.url, "truongdoan", "mat-khau-doan-1")).json()) as { token: string }).token;
      got.epoch = ((await (await fetch(`${s1.url}/api/health`)).json()) as { epoch: string }).epoch;
      const page = await fetch(`${s1.url}/kiem-tra/123`);
      expect(await page.text()).toContain("Kiểm tra ISO");
      const api = await fetch(`${s1.url}/api/khong-co`);
      expect(api.status).toBe(404);
      expect(api.headers.get("content-type")).toMatch(/problem\+json/);
    } finally {
      await s1.kill();
    }
    expect(admin("revoke-tokens", "truongdoan")).toMatchObject({ code: 0, out: 'revoked 1 token(s) of "truongdoan"' });
    const bad = admin("frobnicate");
    expect(bad.code).toBe(1);
    expect(bad.err.split("\n").filter((l) => l.startsWith("admin:"))).toEqual([expect.stringMatching(/^admin: unknown command "frobnicate"; usage:/)]);
    expect(bad.err).not.toMatch(/\bat .*\.ts/);
    expect(admin("new-epoch")).toMatchObject({ code: 0, out: expect.stringContaining("new server epoch") });
    const s2 = await startServerProcess(env);
    try {
      expect(s2.output()).not.toMatch(/generated password/);
      expect((await login(s2.url, "admin", got.password)).status).toBe(200);
      expect((await fetch(`${s2.url}/api/auth/me`, { headers: { Authorization: `Bearer ${got.token}` } })).status).toBe(401);
      expect(((await (await fetch(`${s2.url}/api/health`)).json()) as { epoch: string }).epoch).not.toBe(got.epoch);
    } finally {
      await s2.kill();
    }
  });
});
