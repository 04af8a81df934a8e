/** PostgreSQL error classes meaning the server is away (08 connection exception, 57P shutdown / cannot connect now). */
const PG_CODES = /^(08\d{3}|57P0[1-4]|53300)$/;
const NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
const MESSAGES = /Connection terminated|connection error|Client has encountered a connection error|timeout exceeded when trying to connect|Client was closed|Cannot use a pool after calling end|the database system is (starting up|shutting down|in recovery mode)|terminating connection/i;

/**
 * Whether an error means the database cannot be reached right now (PostgreSQL restarting, network down), as
 * opposed to a bug or a bad query: the server answers 503 with Retry-After, and recovers by itself when it returns.
 */
export function databaseUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string" && (PG_CODES.test(code) || NODE_CODES.has(code))) return true;
  return MESSAGES.test(err.message);
}
