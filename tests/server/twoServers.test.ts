/**
 * Two server processes on one PostgreSQL taking concurrent pushes: every change stored exactly once, a pull from
 * either sees all, and cursors polled during the pushes never skip a change. Then a server killed mid-write.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Change } from "../../src/domain/change";
import { formatHlc } from "../../src/domain/hlc";
import pg from "pg";
import { startPostgres, type TestPostgres } from "../support/postgres";
import { referenceState } from "./referenceState";
import { startServerProcess, type ServerProcess } from "./serverProcess";

const ADMIN_PASSWORD = "admin-test-password";

async function api(base: string, method: string, path: string, token: string | null, body?: unknown) {
  const r = await fetch(`${base}${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), "Content-Type": "application/json", "X-Protocol-Version": "1" },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await r.text();
  if (r.status >= 500) throw new Error(`${method} ${path} → ${r.status}: ${text}`);
  return { status: r.status, json: JSON.parse(text) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function login(base: string, username: string, password: string): Promise<string> {
  const r = await api(base, "POST", "/api/auth/login", null, { username, password });
  if (r.status !== 200) throw new Error(`login ${username}: ${JSON.stringify(r.json)}`);
  return r.json.token as string;
}

describe("two server processes on one PostgreSQL", () => {
  let pgc: TestPostgres;
  let url: string;
  const servers: ServerProcess[] = [];
  beforeAll(async () => {
    pgc = await startPostgres();
    url = await pgc.createDatabase("two");
    // Both start at once: migrations and the admin account are created once.
    servers.push(...(await Promise.all([0, 1].map(() => startServerProcess({ DATABASE_URL: url, ADMIN_PASSWORD })))));
  });
  afterAll(async () => {
    for (const s of servers) await s.kill("SIGKILL");
    await pgc?.stop();
  });

  it("stores every change once and never skips one in a pull, with concurrent pushes on both", async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const adminToken = await login(a.url, "admin", ADMIN_PASSWORD);
    const CLIENTS = 6;
    for (let i = 0; i < CLIENTS; i++) {
      const r = await api(b.url, "POST", "/api/users", adminToken, { username: `insp${i}`, password: "matkhau-rat-dai-123", role: "inspector", province: "P1", team: "T1" });
      expect(r.status).toBe(201);
    }
    const leadToken = await login(b.url, "admin", ADMIN_PASSWORD);
    const tokens = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => login(i % 2 ? a.url : b.url, `insp${i}`, "matkhau-rat-dai-123")));
    const all = new Map<string, Change>();
    let pushing = true;
    const polled: string[] = [];
    const poller = (async () => {
      let cursor = "0";
      let i = 0;
      for (;;) {
        const done = !pushing;
        const r = await api((i++ % 2 ? a : b).url, "GET", `/api/sync/pull?after=${cursor}&limit=500`, leadToken);
        polled.push(...(r.json.changes as Change[]).map((c) => c.id));
        cursor = r.json.cursor as string;
        if (done && !r.json.more) return;
      }
    })();
    await Promise.all(
      tokens.map(async (token, ci) => {
        const device = `dev${ci}`;
        for (let batch = 0; batch < 8; batch++) {
          const changes: Change[] = Array.from({ length: 25 }, (_, k) => ({
            id: `c${ci}-${batch}-${k}`, entity: "result", rowId: `I1/C${k % 10}`, field: "note", value: `${device} ${batch}.${k}`,
            hlc: formatHlc({ ms: 1_700_000_000_000 + batch * 1000 + k, counter: 0, device }), prevHlc: null, device, user: `insp${ci}`,
          }));
          for (const c of changes) all.set(c.id, c);
          const target = (batch + ci) % 2 ? a : b;
          const r = await api(target.url, "POST", "/api/sync/push", token, { device, changes });
          expect(r.json.accepted).toHaveLength(25);
          // A retry of the same batch on the other server (a response lost after commit) is accepted again.
          if (batch % 3 === 0) expect((await api((target === a ? b : a).url, "POST", "/api/sync/push", token, { device, changes })).json.accepted).toHaveLength(25);
        }
      }),
    );
    pushing = false;
    await poller;

    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      const counts = await db.query("select count(*)::int as n, count(distinct id)::int as d from changes");
      expect(counts.rows[0]).toEqual({ n: all.size, d: all.size });
      const rows = await db.query("select row_id, conflict_count from rows where entity = 'result' order by row_id");
      expect(rows.rows).toHaveLength(10);
      // The server's state is the domain's merge of every change, whichever instance took which push.
      const state = await db.query("select entity, row_id, data, conflicts from rows");
      const want = referenceState([...all.values()]);
      expect(state.rows).toHaveLength(want.size);
      for (const r of state.rows) expect({ data: r.data, conflicts: r.conflicts }).toEqual(want.get(`${r.entity}/${r.row_id}`));
      // Every concurrent differing write (all were first writes) is a conflict of its row.
      expect(rows.rows.reduce((s, r: { conflict_count: number }) => s + r.conflict_count, 0)).toBe(all.size - 10);
    } finally {
      await db.end();
    }
    expect(new Set(polled).size).toBe(polled.length);
    expect([...polled].sort()).toEqual([...all.keys()].sort());
    for (const s of [a, b]) {
      const got: string[] = [];
      let cursor = "0";
      for (;;) {
        const r = await api(s.url, "GET", `/api/sync/pull?after=${cursor}&limit=1000`, tokens[0]!);
        got.push(...(r.json.changes as Change[]).map((c) => c.id));
        cursor = r.json.cursor as string;
        if (!r.json.more) break;
      }
      expect(got.sort()).toEqual([...all.keys()].sort());
    }
  });

  it("keeps a push all-or-nothing when its server is killed mid-write, and a re-push stores it once", async () => {
    const victim = await startServerProcess({ DATABASE_URL: url, ADMIN_PASSWORD });
    const token = await login(victim.url, "admin", ADMIN_PASSWORD);
    const N = 3000;
    const changes: Change[] = Array.from({ length: N }, (_, k) => ({
      id: `kill-${k}`, entity: "finding", rowId: `F${k}`, field: "text", value: `phát hiện số ${k}`,
      hlc: formatHlc({ ms: 1_800_000_000_000 + k, counter: 0, device: "devK" }), prevHlc: null, device: "devK", user: "admin",
    }));
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      const pending = fetch(`${victim.url}/api/sync/push`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ device: "devK", changes }),
      }).catch((e: unknown) => e);
      // Wait until the push holds its transaction's advisory lock, then kill the process.
      const deadline = Date.now() + 30_000;
      for (;;) {
        const l = await db.query("select count(*)::int as n from pg_locks where locktype = 'advisory' and objid = 4242 and granted");
        if (l.rows[0].n > 0) break;
        if (Date.now() > deadline) throw new Error("push never started");
        await new Promise((r) => setTimeout(r, 5));
      }
      await victim.kill("SIGKILL");
      await pending;
      // The database drops the dead connection's transaction.
      for (let i = 0; i < 200; i++) {
        const l = await db.query("select count(*)::int as n from pg_locks where locktype = 'advisory' and objid = 4242");
        if (l.rows[0].n === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const stored = (await db.query("select count(*)::int as n from changes where id like 'kill-%'")).rows[0].n as number;
      const rows = (await db.query("select count(*)::int as n from rows where entity = 'finding'")).rows[0].n as number;
      expect([0, N]).toContain(stored);
      expect(rows).toBe(stored);
      const [a] = servers as [ServerProcess];
      const again = await api(a.url, "POST", "/api/sync/push", await login(a.url, "admin", ADMIN_PASSWORD), { device: "devK", changes });
      expect(again.json.accepted).toHaveLength(N);
      expect((await db.query("select count(*)::int as n from changes where id like 'kill-%'")).rows[0].n).toBe(N);
      expect((await db.query("select count(*)::int as n from rows where entity = 'finding' and data->>'text' like 'phát hiện số %'")).rows[0].n).toBe(N);
    } finally {
      await db.end();
    }
  });
});
