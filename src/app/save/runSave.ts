import { describeError } from "./describeError";
import { useSaveStore } from "./useSaveStore";

const RETRY_DELAYS_MS = [1000, 3000, 10000, 30000];
type Pending = { write: () => Promise<unknown>; attempt: number; timer: ReturnType<typeof setTimeout> | null };
const pending = new Set<Pending>();

/**
 * Runs one local write and tracks it for the status line: "Đã lưu trên máy" only once `write` resolves (the
 * transaction committed). A rejected write is shown as an error and retried with back-off until it commits; it is
 * never dropped. Resolves true when the first attempt committed.
 */
export async function runSave(write: () => Promise<unknown>): Promise<boolean> {
  const store = useSaveStore.getState();
  store.begin();
  try {
    await write();
    useSaveStore.getState().succeed();
    return true;
  } catch (err) {
    const store = useSaveStore.getState();
    store.fail(describeError(err));
    // A refused edit (finalized inspection, invalid value) cannot succeed by retrying: show it and stop.
    if (isRefusal(err)) store.retried();
    else schedule({ write, attempt: 0, timer: null });
    return false;
  }
}

function isRefusal(err: unknown): boolean {
  return err instanceof Error && err.name === "WriteRefusedError";
}

function schedule(p: Pending): void {
  pending.add(p);
  const delay = RETRY_DELAYS_MS[Math.min(p.attempt, RETRY_DELAYS_MS.length - 1)]!;
  p.timer = setTimeout(() => void attempt(p), delay);
}

async function attempt(p: Pending): Promise<void> {
  if (!pending.has(p)) return;
  pending.delete(p);
  if (p.timer) clearTimeout(p.timer);
  const store = useSaveStore.getState();
  store.retried();
  store.begin();
  try {
    await p.write();
    useSaveStore.getState().succeed();
  } catch (err) {
    useSaveStore.getState().fail(describeError(err));
    schedule({ write: p.write, attempt: p.attempt + 1, timer: null });
  }
}

/** Retry every failed write now (the "Thử lại" button). */
export function retryFailedSaves(): void {
  for (const p of [...pending]) void attempt(p);
}

/** Drop pending retries (tests only: a fresh app per test). */
export function resetSaves(): void {
  for (const p of pending) if (p.timer) clearTimeout(p.timer);
  pending.clear();
  useSaveStore.setState({ phase: "idle", inFlight: 0, failed: 0, error: null });
}
