/** Shared setup of the server tests: one database per backend reused across tests, users, tokens, changes. */
import type { Hono } from "hono";
import type { Change } from "../../src/domain/change";
import { formatHlc } from "../../src/domain/hlc";
import type { AppEnv } from "../../src/server/AppEnv";
import { createUser } from "../../src/server/auth/createUser";
import type { ScryptParams } from "../../src/server/auth/hashPassword";
import { issueToken } from "../../src/server/auth/issueToken";
import type { ServerUser } from "../../src/server/auth/ServerUser";
import { createApp } from "../../src/server/createApp";
import { openStorage } from "../../src/server/openStorage";
import type { Storage } from "../../src/server/Storage";
import { startPostgres, type TestPostgres } from "../support/postgres";

export type Backend = "pglite" | "postgres";

export interface Harness {
  storage: Storage;
  app: Hono<AppEnv>;
  /** The clock the app sees; tests move it. */
  clock: { ms: number };
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function openHarness(backend: Backend): Promise<Harness> {
  let pg: TestPostgres | null = null;
  let storage: Storage;
  if (backend === "postgres") {
    pg = await startPostgres();
    storage = await openStorage({ databaseUrl: pg.url });
  } else storage = await openStorage({ memory: true });
  const clock = { ms: Date.UTC(2026, 5, 1) };
  const app = createApp({ storage, now: () => clock.ms, hashParams: TEST_HASH });
  return {
    storage,
    app,
    clock,
    async reset() {
      await storage.query(
        "truncate changes, rows, blobs, blob_owners, tokens, users, login_failures, login_throttle, login_known, server_meta restart identity cascade",
      );
    },
    async close() {
      await storage.close();
      await pg?.stop();
    },
  };
}

export interface TestUser extends ServerUser {
  token: string;
}

/**
 * A cheap scrypt for the many users tests create (a hash as an older server made it: a login rehashes it with
 * today's parameters). Real accounts always get SCRYPT_PARAMS.
 */
export const TEST_HASH: ScryptParams = { N: 1024, r: 8, p: 1, keyLength: 32 };

/** The password addUser gives every user. */
export const TEST_PASSWORD = "matkhau-123";

/** Creates a user straight in the database and a token for it (a cheap scrypt once per user). */
export async function addUser(
  h: Harness,
  username: string,
  role: ServerUser["role"],
  province: string | null = null,
  team: string | null = null,
): Promise<TestUser> {
  const u = await createUser(h.storage, { username, password: TEST_PASSWORD, role, province, team }, TEST_HASH);
  if (!u) throw new Error(`user ${username} exists`);
  return { ...u, token: await issueToken(h.storage, u.id, h.clock.ms) };
}

export function hlc(ms: number, device = "devA", counter = 0): string {
  return formatHlc({ ms, counter, device });
}

let n = 0;
/** A change with defaults; `id` unique unless given. */
export function change(p: Partial<Change> & Pick<Change, "entity" | "rowId" | "field" | "value">): Change {
  n++;
  return { id: `ch-${n}`, hlc: hlc(1_000_000 + n), prevHlc: null, device: "devA", user: "someone", ...p };
}

export async function call(h: Harness, method: string, path: string, user: TestUser | null, body?: unknown, headers: Record<string, string> = {}) {
  const res = await h.app.request(path, {
    method,
    headers: {
      ...(user ? { Authorization: `Bearer ${user.token}` } : {}),
      // JSON, as text or as a value, is labelled JSON (a test that means another type passes its own header)
      ...(body !== undefined && !(body instanceof Uint8Array) ? { "Content-Type": "application/json" } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: (typeof body === "string" || body instanceof Uint8Array ? body : JSON.stringify(body)) as BodyInit } : {}),
  });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, text, json: json as Record<string, unknown> & Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * POST /api/sync/push. The server takes on a push only the pushing device's changes, so without `device` the
 * changes go as one push per run of the same device (as from those tablets, in order), answers joined.
 */
export async function push(h: Harness, user: TestUser, changes: unknown[], device?: string) {
  if (device !== undefined) return call(h, "POST", "/api/sync/push", user, { device, changes });
  const deviceOf = (c: unknown) => {
    const d = c !== null && typeof c === "object" ? (c as { device?: unknown }).device : undefined;
    return typeof d === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(d) ? d : null; // a malformed one goes with its neighbours
  };
  const runs: { device: string; changes: unknown[] }[] = [];
  for (const c of changes) {
    const d = deviceOf(c) ?? runs[runs.length - 1]?.device ?? "devA";
    if (runs.length > 0 && runs[runs.length - 1]!.device === d) runs[runs.length - 1]!.changes.push(c);
    else runs.push({ device: d, changes: [c] });
  }
  if (runs.length <= 1) return call(h, "POST", "/api/sync/push", user, { device: runs[0]?.device ?? "devA", changes });
  let last: Awaited<ReturnType<typeof call>> | null = null;
  const accepted: unknown[] = [];
  const rejected: unknown[] = [];
  for (const r of runs) {
    last = await call(h, "POST", "/api/sync/push", user, r);
    if (last.status !== 200) return last;
    accepted.push(...(last.json.accepted as unknown[]));
    rejected.push(...(last.json.rejected as unknown[]));
  }
  return { ...last!, json: { ...last!.json, accepted, rejected } };
}

export async function pullAll(h: Harness, user: TestUser, limit = 1000): Promise<Change[]> {
  const out: Change[] = [];
  let cursor = "0";
  for (;;) {
    const r = await call(h, "GET", `/api/sync/pull?after=${cursor}&limit=${limit}`, user);
    if (r.status !== 200) throw new Error(`pull ${r.status}: ${r.text}`);
    out.push(...(r.json.changes as Change[]));
    cursor = r.json.cursor as string;
    if (!r.json.more) return out;
  }
}

export async function rowOf(h: Harness, entity: string, rowId: string) {
  const r = await h.storage.query<{ data: Record<string, unknown>; conflicts: Record<string, { changeId: string; reason: string; value: unknown }[]>; province: string | null; team: string | null }>(
    "select data, conflicts, province, team from rows where entity = $1 and row_id = $2",
    [entity, rowId],
  );
  return r.rows[0] ?? null;
}

export async function countChanges(h: Harness, where = "true", params: unknown[] = []): Promise<number> {
  const r = await h.storage.query<{ n: number }>(`select count(*)::int as n from changes where ${where}`, params);
  return r.rows[0]!.n;
}
