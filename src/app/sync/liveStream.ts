import { PROTOCOL_VERSION, SCHEMA_VERSION } from "../../domain/protocol";

export interface LiveStreamOptions {
  baseUrl: string;
  getToken: () => Promise<string | null>;
  /** Something changed on the server for this account (or the stream just (re)connected and may have missed some). */
  onChange: () => void;
  fetch?: typeof fetch;
  /** Polling while the stream cannot connect (default 30 s). */
  pollMs?: number;
  /** First reconnect delay, doubled after each failure up to maxBackoffMs (defaults 2 s and 60 s). */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Waits, injectable for tests (default setTimeout). Resolves early when `signal` aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const defaultSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((done) => {
    const t = setTimeout(done, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(t);
      done();
    });
  });

const listeners = new Set<() => void>();

/** Screens that read the server directly (the DOST console) re-read on each live change. Returns the unsubscribe. */
export function onLiveChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Keeps GET /api/sync/live open while the app is online and visible: each `changes` event, and each (re)connection,
 * calls `onChange` (the sync engine pulls) and the screens listening with `onLiveChange`. While the stream cannot be
 * had (a proxy that buffers, too many streams, an old server), it polls every `pollMs` instead, and tries the stream
 * again with backoff. Offline work is untouched: the stream only ever triggers a sync. Returns the stop function.
 */
export function startLiveStream(opts: LiveStreamOptions): () => void {
  const stop = new AbortController();
  const fetchFn = opts.fetch ?? ((...a: Parameters<typeof fetch>) => globalThis.fetch(...a));
  const sleep = opts.sleep ?? defaultSleep;
  const g = globalThis as { navigator?: Navigator; document?: Document; addEventListener?: typeof addEventListener; removeEventListener?: typeof removeEventListener };
  const usable = () => g.navigator?.onLine !== false && g.document?.visibilityState !== "hidden";
  let nudge = new AbortController();
  const wakeUp = () => nudge.abort();
  g.addEventListener?.("online", wakeUp);
  g.document?.addEventListener("visibilitychange", wakeUp);
  const changed = () => {
    opts.onChange();
    for (const l of listeners) l();
  };

  /** true: a stream ran; false: none could be had; "signed-out": no session, so nothing to listen or poll for. */
  const listen = async (): Promise<boolean | "signed-out"> => {
    const token = await opts.getToken();
    if (!token) return "signed-out";
    let res: Response;
    try {
      res = await fetchFn(`${opts.baseUrl.replace(/\/$/, "")}/api/sync/live`, {
        headers: { Authorization: `Bearer ${token}`, Accept: "text/event-stream", "X-Protocol-Version": String(PROTOCOL_VERSION), "X-Schema-Version": String(SCHEMA_VERSION) },
        signal: stop.signal,
      });
    } catch {
      return false;
    }
    if (!res.ok || !res.body || !(res.headers.get("content-type") ?? "").startsWith("text/event-stream")) {
      await res.body?.cancel().catch(() => undefined);
      return false;
    }
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    let connected = false;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return connected;
        buffer += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = /^event: (\S+)$/m.exec(block)?.[1];
          if (event === "ready") connected = true;
          // "ready": whatever changed while there was no stream is pulled now.
          if (event === "ready" || event === "changes") changed();
        }
      }
    } catch {
      return connected;
    }
  };

  void (async () => {
    let failures = 0;
    let sincePoll = 0;
    while (!stop.signal.aborted) {
      // Aborted by stop, by the network coming back or by the app becoming visible (AbortSignal.any is too new for older tablets).
      nudge = new AbortController();
      const both = nudge.signal;
      if (!usable()) {
        await sleep(24 * 3600_000, both); // until online or visible again
        continue;
      }
      const heard = await listen();
      if (heard === "signed-out") {
        await sleep(opts.maxBackoffMs ?? 60_000, both); // until a login, checked each minute
        continue;
      }
      if (heard) {
        // A stream that ran and ended (its lifetime, a server restart): connect again at once.
        failures = 0;
        sincePoll = 0;
        continue;
      }
      if (stop.signal.aborted) break;
      // No stream: try again after a growing delay, and meanwhile sync every `pollMs` or so.
      failures++;
      const backoff = Math.min(opts.maxBackoffMs ?? 60_000, (opts.backoffMs ?? 2000) * 2 ** (failures - 1));
      await sleep(backoff, both);
      sincePoll += backoff;
      if (sincePoll >= (opts.pollMs ?? 30_000) && usable() && !stop.signal.aborted) {
        sincePoll = 0;
        changed();
      }
    }
  })();

  return () => {
    stop.abort();
    nudge.abort();
    g.removeEventListener?.("online", wakeUp);
    g.document?.removeEventListener("visibilitychange", wakeUp);
  };
}
