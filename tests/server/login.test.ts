/** Logins: the limit holds under a parallel burst, nobody can lock the owner out, usernames ignore case, passwords are strong and hashed at today's cost. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashPassword, parsePasswordHash, SCRYPT_PARAMS } from "../../src/server/auth/hashPassword";
import { delayAfter, LOGIN_THROTTLE } from "../../src/server/auth/loginThrottle";
import { passwordProblem } from "../../src/server/auth/passwordProblem";
import { verifyPassword } from "../../src/server/auth/verifyPassword";
import { createApp } from "../../src/server/createApp";
import { addUser, call, openHarness, TEST_HASH, TEST_PASSWORD, type Harness } from "./serverHarness";

describe("login", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness("pglite");
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    await h.reset();
  });
  const login = (username: string, password: string, address = "203.0.113.1", extra: Record<string, unknown> = {}) => {
    process.env.TRUST_PROXY = "1";
    return call(h, "POST", "/api/auth/login", null, { username, password, ...extra }, { "X-Forwarded-For": address }).finally(() => delete process.env.TRUST_PROXY);
  };

  it("checks a parallel burst of guesses one at a time: the password is not found, and the limit holds", async () => {
    await addUser(h, "nannhan", "inspector", "P1", "T1");
    // 200 guesses at once, the right password among them (the old code checked every one and let it in)
    const guesses = Array.from({ length: 200 }, (_, i) => (i === 150 ? TEST_PASSWORD : `doan-sai-${i}`));
    const answers = await Promise.all(guesses.map((p) => login("nannhan", p)));
    const statuses = answers.map((a) => a.status);
    const checked = statuses.filter((s) => s === 401 || s === 200).length;
    console.log(`parallel burst: ${guesses.length} guesses, ${checked} checked, ${statuses.filter((s) => s === 429).length} refused with 429`);
    expect(statuses.every((s) => s === 401 || s === 429 || s === 200)).toBe(true);
    // within the free tries (the clock does not move): at most `free` guesses were ever checked
    expect(checked).toBeLessThanOrEqual(LOGIN_THROTTLE.pair.free);
    for (const a of answers.filter((x) => x.status === 429)) expect(Number(a.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  it("slows guesses down progressively per username and address, and never locks out the owner", async () => {
    const owner = await addUser(h, "chuso", "lead", "P1", "T1");
    // the owner logged in from the office before
    expect((await login("chuso", TEST_PASSWORD, "198.51.100.10")).status).toBe(200);
    // an attacker guesses from elsewhere, also with a case variant of the username
    for (let i = 0; i < 5; i++) expect((await login(i % 2 ? "ChuSo" : "chuso", `sai-${i}`, "192.0.2.66")).status).toBe(401);
    const slowed = await login("CHUSO", "sai-x", "192.0.2.66");
    expect(slowed.status).toBe(429);
    expect(slowed.json.detail).toMatch(/thử lại sau \d+ giây/);
    // delays grow: 1 s, 2 s, 4 s…
    h.clock.ms += 1000;
    expect((await login("chuso", "sai-y", "192.0.2.66")).status).toBe(401);
    expect((await login("chuso", "sai-z", "192.0.2.66")).status).toBe(429);
    h.clock.ms += 1500;
    expect((await login("chuso", "sai-z", "192.0.2.66")).status).toBe(429);
    // the owner, at the address they used before, logs in at once, correct password, whatever the attacker did
    expect((await login("chuso", TEST_PASSWORD, "198.51.100.10")).json.user).toMatchObject({ id: owner.id });
    // 60 attackers spread over many addresses: the account is slowed for unknown addresses, never for the owner's
    for (let i = 0; i < 30; i++) {
      h.clock.ms += 61_000;
      await login("chuso", `sai-rai-${i}`, `192.0.2.${100 + i}`);
    }
    expect((await login("chuso", TEST_PASSWORD, "198.51.100.10")).status).toBe(200);
    expect(delayAfter(1000, LOGIN_THROTTLE.user)).toBe(LOGIN_THROTTLE.user.maxDelayMs);
  });

  it("never locks everyone behind a shared office address out", async () => {
    const a = await addUser(h, "vanphong1", "inspector", "P1", "T1");
    await addUser(h, "vanphong2", "inspector", "P1", "T1");
    expect((await login("vanphong1", TEST_PASSWORD, "203.0.113.50")).json.user.id).toBe(a.id);
    for (let i = 0; i < 60; i++) expect((await login(`ai-do-${i}`, "sai", "203.0.113.50")).status).toBe(401);
    expect((await login("vanphong2", TEST_PASSWORD, "203.0.113.50")).status).toBe(200);
    // an address where nobody ever logged in is slowed down after 50 failures on any accounts
    for (let i = 0; i < 50; i++) await login(`doan-${i}`, "sai", "192.0.2.200");
    expect((await login("vanphong2", TEST_PASSWORD, "192.0.2.200")).status).toBe(429);
  });

  it("treats usernames case-insensitively: one account, one limit", async () => {
    const u = await addUser(h, "NguyenVanA", "inspector", "P1", "T1");
    expect((await login("nguyenvana", TEST_PASSWORD)).json.user.id).toBe(u.id);
    expect((await login("NGUYENVANA", TEST_PASSWORD)).json.user.id).toBe(u.id);
    const admin = await addUser(h, "quantri", "admin");
    const dup = await call(h, "POST", "/api/users", admin, { username: "nguyenVANa", password: "mot-mat-khau-dai", role: "inspector", province: "P1", team: "T1" });
    expect(dup.status).toBe(409);
  });

  it("requires 12 characters and refuses common passwords, for new accounts and changes", async () => {
    expect(passwordProblem("ngan-qua")).toMatch(/12 ký tự/);
    expect(passwordProblem("Password-1234")).toMatch(/phổ biến/);
    expect(passwordProblem("matkhau123456")).toMatch(/phổ biến/);
    expect(passwordProblem("aaaaaaaaaaaaaa")).toMatch(/phổ biến/);
    expect(passwordProblem("kiem-tra-tai-cho-2026")).toBeNull();
    const admin = await addUser(h, "quantri", "admin");
    for (const password of ["ngan", "matkhau-1234", "123456789012"]) {
      const r = await call(h, "POST", "/api/users", admin, { username: "moi", password, role: "dost", province: "P1" });
      expect(r.status, password).toBe(400);
      expect(r.json.detail).toMatch(/mật khẩu/);
    }
  });

  it("hashes at N = 2^17 with every parameter in the hash, and rehashes an older hash at login", async () => {
    const hash = await hashPassword("kiem-tra-tai-cho-2026");
    expect(hash).toMatch(/^scrypt\$N=131072,r=8,p=1,len=32\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(parsePasswordHash(hash)?.params).toEqual(SCRYPT_PARAMS);
    expect(await verifyPassword("kiem-tra-tai-cho-2026", hash)).toEqual({ ok: true, rehash: false });
    // a hash made by the old code: scrypt$16384$salt$key
    const old = (await hashPassword("mat-khau-cu-12", { N: 16384, r: 8, p: 1, keyLength: 32 })).replace(/^scrypt\$N=16384,r=8,p=1,len=32\$/, "scrypt$16384$");
    expect(await verifyPassword("mat-khau-cu-12", old)).toEqual({ ok: true, rehash: true });
    expect((await verifyPassword("sai", old)).ok).toBe(false);
    // a login with the real cost rehashes the user's older hash
    const real = createApp({ storage: h.storage, now: () => h.clock.ms });
    const u = await addUser(h, "cu", "inspector", "P1", "T1");
    const before = (await h.storage.query<{ password_hash: string }>("select password_hash from users where id = $1", [u.id])).rows[0]!.password_hash;
    expect(parsePasswordHash(before)?.params).toEqual(TEST_HASH);
    const r = await real.request("/api/auth/login", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ username: "cu", password: TEST_PASSWORD }) });
    expect(r.status).toBe(200);
    const after = (await h.storage.query<{ password_hash: string }>("select password_hash from users where id = $1", [u.id])).rows[0]!.password_hash;
    expect(parsePasswordHash(after)?.params).toEqual(SCRYPT_PARAMS);
    expect((await verifyPassword(TEST_PASSWORD, after)).ok).toBe(true);
  });

  it("requires application/json on login, and refuses a compressed login body", async () => {
    await addUser(h, "json", "inspector", "P1", "T1");
    const body = JSON.stringify({ username: "json", password: TEST_PASSWORD });
    const noType = await h.app.request("/api/auth/login", { method: "POST", body });
    expect(noType.status).toBe(415);
    const form = await h.app.request("/api/auth/login", { method: "POST", headers: { "Content-Type": "text/plain" }, body });
    expect(form.status).toBe(415);
    const { gzipSync } = await import("node:zlib");
    const gz = await h.app.request("/api/auth/login", { method: "POST", headers: { "Content-Type": "application/json", "Content-Encoding": "gzip" }, body: gzipSync(body) as BodyInit });
    expect(gz.status).toBe(415);
    expect(gz.headers.get("content-type")).toMatch(/problem\+json/);
  });
});
