import type { AppDb } from "../db/AppDb";
import type { SyncStatus } from "./SyncStatus";

/** What each step of a sync run needs. */
export interface SyncContext {
  db: AppDb;
  baseUrl: string;
  fetch: typeof fetch;
  token: string;
  now: () => number;
  /** Update the reported status (phase, progress). */
  report: (s: Partial<SyncStatus>) => void;
  /** Largest number of changes per push request; halved when the server says a request is too large. */
  pushBatch: number;
  pullLimit: number;
}
