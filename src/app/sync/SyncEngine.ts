import type { AppDb } from "../db/AppDb";
import { META } from "../db/META";
import { retryQuarantine } from "../db/retryQuarantine";
import { currentAppVersion } from "./currentAppVersion";
import { fetchMissingBlobs } from "./fetchMissingBlobs";
import { pullAll } from "./pullAll";
import { noteAppVersion } from "./noteAppVersion";
import { pushOutbox } from "./pushOutbox";
import type { SyncContext } from "./SyncContext";
import { SyncHttpError } from "./SyncHttpError";
import type { SyncStatus } from "./SyncStatus";
import { uploadBlobs } from "./uploadBlobs";

export interface SyncEngineOptions {
  db: AppDb;
  /** Origin of the sync server ("" for the app's own origin). */
  baseUrl: string;
  fetch?: typeof fetch;
  getToken: () => string | null | undefined | Promise<string | null | undefined>;
  /** Wall clock in ms (the simulation injects skewed clocks). */
  now?: () => number;
  /** Web Locks (navigator.locks); without it runs are serialised per database name within this JS realm. */
  locks?: LockManager | null;
  /** Sync every this many ms while started (default 5 minutes). */
  intervalMs?: number;
  /** First retry delay after a failure, doubled each time up to maxBackoffMs (defaults 2 s and 5 min). */
  backoffMs?: number;
  maxBackoffMs?: number;
  pushBatch?: number;
  pullLimit?: number;
  /** Random in [0,1) for retry jitter (tests pass a seeded one). */
  random?: () => number;
  /** Timer for retries and the after-edit sync (tests record the delays); default setTimeout. Returns a cancel function. */
  schedule?: (fn: () => void, ms: number) => () => void;
  /** While started, sync this many ms after the last change queued in the outbox (default 1.5 s). */
  writeDebounceMs?: number;
  /** This app's version (default: build, schema versions and a digest of the record schemas); a different one than
   * last run's means an update, after which the changes the server refused are sent again. */
  appVersion?: string;
}

const localRuns = new Map<string, Promise<unknown>>();

/**
 * The tablet's sync runner: uploads photos, drains the outbox, pulls and applies others' changes, fetches photos
 * it lacks. Exactly one run at a time per device (Web Locks across tabs), retried with exponential backoff.
 */
export class SyncEngine {
  private status: SyncStatus = { phase: "idle", pending: 0, done: 0, total: 0, lastSyncedAt: null };
  private listeners = new Set<(s: SyncStatus) => void>();
  private running: Promise<SyncStatus> | null = null;
  private again = false;
  private failures = 0;
  private retryTimer: (() => void) | null = null;
  private writeTimer: (() => void) | null = null;
  private intervalTimer: ReturnType<typeof setInterval> | null = null;
  private readonly detach: (() => void)[] = [];
  private readonly now: () => number;
  private readonly fetchFn: typeof fetch;
  private appVersion: Promise<string> | null = null;

  constructor(private readonly opts: SyncEngineOptions) {
    this.now = opts.now ?? Date.now;
    this.fetchFn = opts.fetch ?? ((...a: Parameters<typeof fetch>) => globalThis.fetch(...a));
    void this.refreshPending();
  }

  get current(): SyncStatus {
    return this.status;
  }

  /** Listen to status changes; called at once with the current status. Returns the unsubscribe function. */
  subscribe(listener: (s: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  /**
   * Sync now ("Đồng bộ ngay"). A call during a run is folded into one more run after it, whatever the outcome of the
   * run in flight (a failed run must not swallow the request made when the network came back). Never rejects.
   */
  syncNow(): Promise<SyncStatus> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        let s: SyncStatus;
        do {
          this.again = false;
          try {
            s = await this.runLocked();
          } catch (e) {
            // only the lock manager itself can fail here; runOnce catches everything else
            this.fail(e);
            s = this.status;
          }
        } while (this.again);
        return s;
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Sync now, when the network comes back, when the app becomes visible, and on a timer. */
  start(): void {
    if (this.intervalTimer) return;
    const kick = () => void this.syncNow();
    const g = globalThis as unknown as { addEventListener?: typeof addEventListener; removeEventListener?: typeof removeEventListener; document?: Document };
    if (g.addEventListener) {
      g.addEventListener("online", kick);
      this.detach.push(() => g.removeEventListener?.("online", kick));
    }
    if (g.document) {
      const onVisible = () => {
        if (g.document?.visibilityState === "visible") kick();
      };
      g.document.addEventListener("visibilitychange", onVisible);
      this.detach.push(() => g.document?.removeEventListener("visibilitychange", onVisible));
    }
    // Every local write (writeEdits, bundle import) queues its changes in the outbox of this Dexie instance.
    const onQueued = () => this.syncSoonAfterWrite();
    this.opts.db.outbox.hook("creating", onQueued);
    this.detach.push(() => this.opts.db.outbox.hook("creating").unsubscribe(onQueued));
    this.intervalTimer = setInterval(kick, this.opts.intervalMs ?? 5 * 60_000);
    kick();
  }

  stop(): void {
    if (this.intervalTimer) clearInterval(this.intervalTimer);
    this.retryTimer?.();
    this.writeTimer?.();
    this.intervalTimer = null;
    this.retryTimer = null;
    this.writeTimer = null;
    for (const d of this.detach.splice(0)) d();
  }

  /**
   * Debounced sync after local edits. Called inside the writing transaction, so it only sets a timer; the run's own
   * reads wait for that transaction. Offline, or while a failure retry is pending, the online event or the retry
   * carries the edits instead (no request per keystroke against a server that is down).
   */
  private syncSoonAfterWrite(): void {
    if (!this.intervalTimer || this.retryTimer) return;
    if ((globalThis.navigator as Navigator | undefined)?.onLine === false) return;
    this.writeTimer?.();
    this.writeTimer = this.schedule(() => {
      this.writeTimer = null;
      void this.syncNow();
    }, this.opts.writeDebounceMs ?? 1500);
  }

  private schedule(fn: () => void, ms: number): () => void {
    if (this.opts.schedule) return this.opts.schedule(fn, ms);
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  }

  private emit(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch };
    if (patch.phase && patch.phase !== "error" && patch.phase !== "offline" && patch.phase !== "update-required") delete this.status.error;
    for (const l of this.listeners) l(this.status);
  }

  private async refreshPending(): Promise<void> {
    try {
      const [pending, last, rejected, quarantined] = await Promise.all([
        this.opts.db.outbox.count(),
        this.opts.db.meta.get(META.lastSyncedAt),
        this.opts.db.rejected.count(),
        this.opts.db.quarantine.count(),
      ]);
      this.emit({ pending, rejected, quarantined, lastSyncedAt: typeof last?.value === "number" ? last.value : this.status.lastSyncedAt });
    } catch {
      // the database is closed or unavailable: the next run reports it
    }
  }

  private runLocked(): Promise<SyncStatus> {
    const name = `htqlcl-sync:${this.opts.db.name}`;
    const locks = this.opts.locks === undefined ? (globalThis.navigator as Navigator | undefined)?.locks : this.opts.locks;
    if (locks) return locks.request(name, () => this.runOnce()) as unknown as Promise<SyncStatus>;
    const prev = localRuns.get(name) ?? Promise.resolve();
    const next = prev.then(() => this.runOnce());
    localRuns.set(name, next.catch(() => undefined));
    return next;
  }

  private async runOnce(): Promise<SyncStatus> {
    const { db } = this.opts;
    try {
      // After an app update: apply the pulled changes it now understands, and send the refused ones again.
      await retryQuarantine(db, { now: this.now() });
      this.appVersion ??= this.opts.appVersion !== undefined ? Promise.resolve(this.opts.appVersion) : currentAppVersion();
      await noteAppVersion(db, await this.appVersion, this.now());
      const token = await this.opts.getToken();
      if (!token) {
        this.emit({ phase: "error", error: "Chưa đăng nhập: hãy đăng nhập để đồng bộ. Dữ liệu vẫn được lưu trên máy." });
        return this.status;
      }
      const ctx: SyncContext = {
        db,
        baseUrl: this.opts.baseUrl.replace(/\/$/, ""),
        fetch: this.fetchFn,
        token,
        now: this.now,
        report: (p) => this.emit(p),
        pushBatch: this.opts.pushBatch ?? 500,
        pullLimit: this.opts.pullLimit ?? 1000,
      };
      await uploadBlobs(ctx);
      // A restored server (new epoch) re-queues this tablet's changes: push and pull again, at most twice.
      for (let round = 0; round < 3; round++) {
        if ((await pushOutbox(ctx)) === "epoch") continue;
        const pulled = await pullAll(ctx);
        if (pulled === "epoch") continue;
        if (pulled.quarantined > 0) await retryQuarantine(db, { now: this.now() });
        break;
      }
      await fetchMissingBlobs(ctx);
      const at = this.now();
      await db.meta.put({ key: META.lastSyncedAt, value: at });
      this.failures = 0;
      this.retryTimer?.();
      this.retryTimer = null;
      this.emit({ phase: "idle", done: 0, total: 0, lastSyncedAt: at });
    } catch (e) {
      this.fail(e);
    }
    await this.refreshPending();
    return this.status;
  }

  private fail(e: unknown): void {
    if (e instanceof SyncHttpError && e.status === 426) {
      this.emit({ phase: "update-required", error: e.message });
      return;
    }
    if (e instanceof SyncHttpError && e.status === 401) {
      this.emit({ phase: "error", error: "Phiên đăng nhập đã hết hạn: hãy đăng nhập lại. Dữ liệu vẫn được lưu trên máy." });
      return;
    }
    const offline = e instanceof SyncHttpError && e.status === 0;
    const message = e instanceof SyncHttpError ? e.message : `Lỗi khi đồng bộ: ${e instanceof Error ? e.message : String(e)}. Sẽ tự thử lại.`;
    this.emit({ phase: offline ? "offline" : "error", error: message });
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (!this.intervalTimer || this.retryTimer) return; // only a started engine retries by itself
    const base = this.opts.backoffMs ?? 2000;
    const max = this.opts.maxBackoffMs ?? 5 * 60_000;
    const delay = Math.min(max, base * 2 ** this.failures) * (0.5 + 0.5 * (this.opts.random ?? Math.random)());
    this.failures++;
    this.retryTimer = this.schedule(() => {
      this.retryTimer = null;
      void this.syncNow();
    }, delay);
  }

  /** Failed runs in a row since the last success (the retry delay doubles with each). */
  get failureCount(): number {
    return this.failures;
  }
}
