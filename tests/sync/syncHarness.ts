/** In-process sync server for the client tests: one in-memory PGlite, the real app, users with tokens. */
import type { Hono } from "hono";
import type { AppEnv } from "../../src/server/AppEnv";
import { createUser } from "../../src/server/auth/createUser";
import { issueToken } from "../../src/server/auth/issueToken";
import type { ServerUser } from "../../src/server/auth/ServerUser";
import { createApp } from "../../src/server/createApp";
import { openStorage } from "../../src/server/openStorage";
import type { Storage } from "../../src/server/Storage";
import { TEST_HASH } from "../server/serverHarness";

export interface SyncServer {
  storage: Storage;
  app: Hono<AppEnv>;
  /** A fetch that calls the in-process app. */
  fetch: typeof fetch;
  users: Map<string, { user: ServerUser; token: string }>;
  /** Forget all synced data (users and tokens stay). */
  wipeData(): Promise<void>;
  /** A fresh app over the same database, as after a server restart. */
  restart(): void;
}

export const BASE = "http://sync.test";

export async function openSyncServer(users: { username: string; role: ServerUser["role"]; province?: string; team?: string }[]): Promise<SyncServer> {
  const storage = await openStorage({ memory: true });
  const s: SyncServer = {
    storage,
    app: createApp({ storage }),
    fetch: async (input, init) => s.app.fetch(new Request(input as string, init)),
    users: new Map(),
    async wipeData() {
      await storage.query("truncate changes, rows, blobs, blob_owners, server_meta restart identity cascade");
    },
    restart() {
      s.app = createApp({ storage });
    },
  };
  for (const u of users) {
    const created = await createUser(storage, { username: u.username, password: "mat-khau-123", role: u.role, province: u.province ?? null, team: u.team ?? null }, TEST_HASH);
    if (!created) throw new Error(`user ${u.username} exists`);
    s.users.set(u.username, { user: created, token: await issueToken(storage, created.id, Date.now()) });
  }
  return s;
}
