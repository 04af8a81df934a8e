import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { lockDataDir } from "./lockDataDir";
import { runMigrations } from "./runMigrations";
import type { Queryable, Storage } from "./Storage";

export interface StorageOptions {
  /** PostgreSQL connection string; when set, PostgreSQL is used instead of PGlite. */
  databaseUrl?: string;
  /** Directory of the embedded PGlite database (default ./data). */
  dataDir?: string;
  /** In-memory PGlite, for tests. */
  memory?: boolean;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
}

/** Opens the database (PGlite by default, PostgreSQL when `databaseUrl` is set) and brings its schema up to date. */
export async function openStorage(opts: StorageOptions = {}): Promise<Storage> {
  const storage = opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.poolSize ?? 10) : await openPglite(opts);
  try {
    await runMigrations(storage);
  } catch (e) {
    await storage.close();
    throw e;
  }
  return storage;
}

async function openPglite(opts: StorageOptions): Promise<Storage> {
  let db: PGlite;
  let unlock: () => void = () => undefined;
  if (opts.memory) db = await PGlite.create();
  else {
    const dir = opts.dataDir ?? "./data";
    mkdirSync(dir, { recursive: true });
    unlock = lockDataDir(dir);
    try {
      db = await PGlite.create(dir);
    } catch (e) {
      unlock();
      throw e;
    }
  }
  const wrap = (q: { query: PGlite["query"] }): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await q.query<T>(sql, [...params]);
      return { rows: r.rows };
    },
  });
  return {
    kind: "pglite",
    ...wrap(db),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: async () => {
      try {
        await db.close();
      } finally {
        unlock();
      }
    },
  };
}

function openPostgres(url: string, max: number): Storage {
  // A query waits at most 5 s for a connection: while PostgreSQL is away, requests fail fast (503) instead of piling up.
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  const wrapClient = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await c.query(sql, [...params]);
      return { rows: r.rows as T[] };
    },
  });
  return {
    kind: "postgres",
    ...wrapClient(pool),
    async transaction(fn) {
      const client = await pool.connect();
      // A checked-out client whose connection drops (PostgreSQL restarting mid-transaction) emits `error`: without a
      // listener that is an uncaught exception and the process exits. The pending query rejects on its own.
      let broken: Error | undefined;
      const onError = (e: Error) => {
        broken = e;
      };
      client.on("error", onError);
      try {
        await client.query("begin");
        const out = await fn(wrapClient(client));
        await client.query("commit");
        return out;
      } catch (e) {
        if (!broken) await client.query("rollback").catch((r: unknown) => (broken = r instanceof Error ? r : new Error(String(r))));
        throw e;
      } finally {
        client.removeListener("error", onError);
        // A broken connection is destroyed, not given back to the pool for the next request to fail on.
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
