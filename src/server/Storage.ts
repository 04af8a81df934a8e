/** Something SQL can be sent to: the storage itself or an open transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: T[] }>;
}

/**
 * The server's one database, embedded PGlite or PostgreSQL, behind the same interface. Pass JSON values as
 * strings cast with `::jsonb` and read big integers as `::text`: both drivers then behave alike.
 */
export interface Storage extends Queryable {
  readonly kind: "pglite" | "postgres";
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
