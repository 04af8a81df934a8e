import type { Change } from "../../../src/domain/change";

/** The real HTTP API of a running server, as a DOST office or a test checking results would use it. */
export interface Api {
  login(username: string, password: string): Promise<string>;
  createUser(token: string, user: { username: string; password: string; role: string; province?: string; team?: string }): Promise<void>;
  /** Pushes changes; fails the test unless every one is accepted. */
  push(token: string, device: string, changes: Change[]): Promise<void>;
  /** Every change the token's user may read, in server order. */
  pullAll(token: string): Promise<Change[]>;
  blob(token: string, sha256: string): Promise<{ status: number; mime: string | null; bytes: Uint8Array }>;
}

async function json<T>(res: Response, what: string): Promise<T> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

export function api(baseUrl: string): Api {
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  return {
    async login(username, password) {
      const res = await fetch(`${baseUrl}/api/auth/login`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ username, password }),
      });
      return (await json<{ token: string }>(res, `login ${username}`)).token;
    },
    async createUser(token, user) {
      const res = await fetch(`${baseUrl}/api/users`, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...auth(token) },
        body: JSON.stringify(user),
      });
      await json(res, `create user ${user.username}`);
    },
    async push(token, device, changes) {
      const res = await fetch(`${baseUrl}/api/sync/push`, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...auth(token) },
        body: JSON.stringify({ device, changes }),
      });
      const out = await json<{ accepted: string[]; rejected: { id: string; reason: string }[] }>(res, "push");
      if (out.rejected.length > 0) throw new Error(`push rejected: ${JSON.stringify(out.rejected.slice(0, 3))}`);
      if (out.accepted.length !== changes.length) throw new Error(`push accepted ${out.accepted.length} of ${changes.length}`);
    },
    async pullAll(token) {
      const all: Change[] = [];
      let cursor = "0";
      for (;;) {
        const res = await fetch(`${baseUrl}/api/sync/pull?after=${cursor}&limit=1000`, { headers: auth(token) });
        const page = await json<{ changes: Change[]; cursor: string; more: boolean }>(res, "pull");
        all.push(...page.changes);
        if (!page.more) return all;
        cursor = page.cursor;
      }
    },
    async blob(token, sha256) {
      const res = await fetch(`${baseUrl}/api/blobs/${sha256}`, { headers: auth(token) });
      return { status: res.status, mime: res.headers.get("content-type"), bytes: new Uint8Array(await res.arrayBuffer()) };
    },
  };
}
