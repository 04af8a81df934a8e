import type { Queryable, Storage } from "../../src/server/Storage";

/**
 * The server's storage with a kill switch: when armed, the next transaction that reaches its k-th query throws,
 * as if the server died mid-write (the transaction rolls back; the client sees a 500 and retries).
 */
export function faultyStorage(inner: Storage): Storage & { armCrash(afterQueries: number): void; crashes: number } {
  let armed: number | null = null;
  const s = {
    kind: inner.kind,
    crashes: 0,
    armCrash(n: number) {
      armed = n;
    },
    query: inner.query.bind(inner) as Queryable["query"],
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const limit = armed;
      armed = null;
      return inner.transaction((tx) => {
        let n = 0;
        const wrapped: Queryable = {
          query(sql, params) {
            if (limit !== null && ++n >= limit) {
              s.crashes++;
              return Promise.reject(new Error("simulated crash mid-transaction"));
            }
            return tx.query(sql, params);
          },
        };
        return fn(wrapped);
      });
    },
    close: () => inner.close(),
  };
  return s as Storage & { armCrash(afterQueries: number): void; crashes: number };
}
