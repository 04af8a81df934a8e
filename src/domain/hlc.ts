/**
 * Hybrid logical clock stamps: `<15-digit ms>:<5-digit counter>:<device>`, so string order is clock order.
 * The wall clock is always passed in; the domain has no clock of its own.
 */
export interface Hlc {
  ms: number;
  counter: number;
  device: string;
}

/** Remote stamps further ahead of our wall clock than this are not adopted, so one device with a clock years
 * ahead cannot drag every other device's clock with it. */
export const MAX_ADOPTED_DRIFT_MS = 24 * 60 * 60 * 1000;

/** `<15-digit ms>:<5-digit counter>:<device>`. */
export const HLC_RE = /^(\d{15}):(\d{5}):([A-Za-z0-9_-]{1,64})$/;

export function isHlc(s: string): boolean {
  return HLC_RE.test(s);
}

export function parseHlc(s: string): Hlc {
  const m = HLC_RE.exec(s);
  if (!m) throw new Error(`invalid hlc: ${s}`);
  return { ms: Number(m[1]), counter: Number(m[2]), device: m[3]! };
}

export function formatHlc(h: Hlc): string {
  return `${String(h.ms).padStart(15, "0")}:${String(h.counter).padStart(5, "0")}:${h.device}`;
}

/** The next local stamp after `last` (null before the first) given the wall clock `nowMs`. */
export function tickHlc(last: Hlc | null, nowMs: number, device: string): Hlc {
  const wall = Math.max(0, Math.floor(nowMs));
  if (!last || wall > last.ms) return { ms: wall, counter: 0, device };
  if (last.counter >= 99999) return { ms: last.ms + 1, counter: 0, device };
  return { ms: last.ms, counter: last.counter + 1, device };
}

/** Merge a remote stamp into the local clock state, so later local stamps sort after what this device has seen. */
export function receiveHlc(last: Hlc | null, remote: Hlc, nowMs: number, device: string): Hlc {
  if (remote.ms > nowMs + MAX_ADOPTED_DRIFT_MS) return last ?? { ms: Math.max(0, Math.floor(nowMs)), counter: 0, device };
  if (!last || remote.ms > last.ms || (remote.ms === last.ms && remote.counter > last.counter)) {
    return { ms: remote.ms, counter: remote.counter, device };
  }
  return last;
}
