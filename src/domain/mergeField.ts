import { canonicalJson } from "./canonicalJson";
import type { Change } from "./change";

/** The part of a change the merge looks at. */
export type FieldChange = Pick<Change, "id" | "hlc" | "prevHlc" | "value" | "device" | "user" | "merges" | "reopen">;

export type ConflictReason = "concurrent" | "locked" | "backward";

export interface FieldConflict {
  changeId: string;
  hlc: string;
  value: unknown;
  device: string;
  user: string;
  reason: ConflictReason;
}

export interface FieldState {
  value: unknown;
  /** Stamp of the winning change; the `prevHlc` of the next local edit. */
  hlc: string;
  changeId: string;
  conflicts: FieldConflict[];
}

export interface MergeOptions {
  /** Rank of each workflow value: such a field moves forward only, except through a change marked `reopen`. */
  ranks?: Record<string, number>;
  /** Stamp of the change that finalized the row's inspection; later-stamped changes are kept but not applied. */
  lockHlc?: string | null;
}

/**
 * The state of one field from the set of every change made to it. A pure function of the set: the order and
 * duplication of delivery do not matter, so replicas holding the same changes hold the same state.
 *
 * Causal first, clock second. A change replaces exactly the values it overwrote (`prevHlc`, `merges`), whatever
 * the clocks say. Of the values nobody has overwritten (the heads), the one with the greatest stamp is shown (for a
 * workflow field, the furthest along); every other head with a different value is a conflict for the team lead.
 * So a device whose clock is hours or years wrong can only decide which of two concurrent values is shown first:
 * it can never make another device's edit disappear.
 */
export function mergeField(changes: readonly FieldChange[], opts: MergeOptions = {}): FieldState | null {
  const byHlc = new Map<string, FieldChange>();
  for (const c of changes) {
    const seen = byHlc.get(c.hlc);
    if (!seen || c.id < seen.id) byHlc.set(c.hlc, c);
  }
  const lock = opts.lockHlc ?? null;
  const applied: FieldChange[] = [];
  const locked: FieldChange[] = [];
  for (const c of byHlc.values()) (lock !== null && c.hlc > lock ? locked : applied).push(c);

  const ranks = opts.ranks;
  const rank = (c: FieldChange): number => (ranks ? (ranks[String(c.value)] ?? -1) : 0);
  const isBackward = (c: FieldChange, over: string): boolean => {
    if (!ranks || c.reopen) return false;
    const old = byHlc.get(over);
    return old !== undefined && rank(c) < rank(old);
  };

  const overwritten = new Set<string>();
  const backward: FieldChange[] = [];
  for (const c of applied) {
    const targets = c.prevHlc ? [c.prevHlc, ...(c.merges ?? [])] : [...(c.merges ?? [])];
    let wentBack = false;
    for (const t of targets) {
      if (isBackward(c, t)) wentBack = true;
      else overwritten.add(t);
    }
    if (wentBack) backward.push(c);
  }
  const heads = applied.filter((c) => !overwritten.has(c.hlc) && !backward.includes(c));
  const candidates = heads.length > 0 ? heads : backward;
  if (candidates.length === 0) {
    return locked.length > 0 ? lockedOnly(locked) : null;
  }
  const winner = candidates.reduce((best, c) => {
    const d = rank(c) - rank(best);
    return d > 0 || (d === 0 && c.hlc > best.hlc) ? c : best;
  });
  const winValue = canonicalJson(winner.value);
  const conflicts: FieldConflict[] = [];
  for (const c of heads) {
    if (c !== winner && canonicalJson(c.value) !== winValue) conflicts.push(toConflict(c, "concurrent"));
  }
  for (const c of backward) {
    if (c !== winner && !overwritten.has(c.hlc) && canonicalJson(c.value) !== winValue) conflicts.push(toConflict(c, "backward"));
  }
  for (const c of locked) conflicts.push(toConflict(c, "locked"));
  conflicts.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
  return { value: winner.value, hlc: winner.hlc, changeId: winner.id, conflicts };
}

function toConflict(c: FieldChange, reason: ConflictReason): FieldConflict {
  return { changeId: c.id, hlc: c.hlc, value: c.value, device: c.device, user: c.user, reason };
}

/** Every change came after the lock: the field has no applied value, only kept edits. */
function lockedOnly(locked: FieldChange[]): FieldState {
  const sorted = [...locked].sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
  return {
    value: null,
    hlc: "",
    changeId: "",
    conflicts: sorted.map((c) => toConflict(c, "locked")),
  };
}
