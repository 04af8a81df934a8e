import { afterAll, beforeAll } from "vitest";
import { BASE, openSyncServer, type SyncServer } from "../../sync/syncHarness";

/**
 * Opens the real sync server in process (in-memory PGlite) with these users for the file's tests, and sends the
 * console's relative `/api/…` requests to it. The returned object holds the server once beforeAll has run.
 */
export function fetchToServer(users: Parameters<typeof openSyncServer>[0]): { server: SyncServer } {
  const ref = {} as { server: SyncServer };
  const realFetch = globalThis.fetch;
  beforeAll(async () => {
    ref.server = await openSyncServer(users);
    globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => ref.server.fetch(`${BASE}${String(input)}`, init)) as typeof fetch;
  });
  afterAll(async () => {
    globalThis.fetch = realFetch;
    await ref.server.storage.close();
  });
  return ref;
}
