/** Who a live stream is for: one province, or every province (admin). */
export interface LiveScope {
  province: string | null;
  all: boolean;
}

interface Subscriber {
  scope: LiveScope;
  userId: string;
  send: () => void;
}

/**
 * The server's live streams (GET /api/sync/live), told after each accepted push which province has new changes.
 * In-process: with several server instances, a client whose stream is on another instance than the push learns of
 * it from its polling fallback instead.
 */
export class ChangeHub {
  private readonly subs = new Set<Subscriber>();

  constructor(
    /** Streams one account may hold at once (a tablet, a second tab, the console). */
    readonly maxPerUser = 4,
    /** Streams the whole server holds at once. */
    readonly maxTotal = 2000,
  ) {}

  /** Why a new stream cannot open now, or null. */
  refusal(userId: string): "user" | "server" | null {
    if (this.subs.size >= this.maxTotal) return "server";
    let mine = 0;
    for (const s of this.subs) if (s.userId === userId) mine++;
    return mine >= this.maxPerUser ? "user" : null;
  }

  subscribe(userId: string, scope: LiveScope, send: () => void): () => void {
    const sub: Subscriber = { scope, userId, send };
    this.subs.add(sub);
    return () => this.subs.delete(sub);
  }

  /** New changes in `province` (null: rows of every province, as an admin's push may touch). */
  notify(province: string | null): void {
    for (const s of this.subs) {
      if (province === null || s.scope.all || s.scope.province === province) s.send();
    }
  }

  get size(): number {
    return this.subs.size;
  }
}
