import type { Change } from "../../../src/domain/change";
import { formatHlc } from "../../../src/domain/hlc";

/**
 * Writes changes the way devices do: each device has its own clock (ms set by the test), a counter, and remembers
 * the stamp it last saw for each field, which becomes the next edit's prevHlc.
 */
export class ChangeLog {
  readonly changes: Change[] = [];
  private n = 0;
  private counters = new Map<string, number>();
  /** device → "entity|row|field" → stamp the device last saw. */
  private seen = new Map<string, Map<string, string>>();

  constructor(private readonly idPrefix: string) {}

  write(device: string, user: string, ms: number, entity: Change["entity"], rowId: string, fields: Record<string, unknown>, extra: Partial<Change> = {}): string[] {
    const stamps: string[] = [];
    for (const [field, value] of Object.entries(fields)) {
      const counter = this.counters.get(device) ?? 0;
      this.counters.set(device, counter + 1);
      const hlc = formatHlc({ ms, counter, device });
      const key = `${entity}|${rowId}|${field}`;
      let mine = this.seen.get(device);
      if (!mine) this.seen.set(device, (mine = new Map()));
      const prevHlc = mine.get(key) ?? null;
      mine.set(key, hlc);
      this.changes.push({ id: `${this.idPrefix}-${++this.n}`, entity, rowId, field, value, hlc, prevHlc, device, user, ...extra });
      stamps.push(hlc);
    }
    return stamps;
  }

  /** `device` receives what `from` has seen of a field (as after a sync), so its next edit overwrites that value. */
  sync(device: string, from: string, entity: string, rowId: string, field: string): void {
    const key = `${entity}|${rowId}|${field}`;
    const h = this.seen.get(from)?.get(key);
    if (!h) return;
    let mine = this.seen.get(device);
    if (!mine) this.seen.set(device, (mine = new Map()));
    mine.set(key, h);
  }
}
