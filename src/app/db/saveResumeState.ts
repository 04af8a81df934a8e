import type { AppDb } from "./AppDb";
import { META } from "./META";
import type { ResumeState } from "./ResumeState";

/** Remembers where the user is, in IndexedDB: a committed write survives the browser being killed. */
export async function saveResumeState(db: AppDb, state: ResumeState): Promise<void> {
  try {
    await db.meta.put({ key: META.uiResume, value: { hash: state.hash, y: Math.max(0, Math.round(state.y)) } });
  } catch {
    // resume is a convenience; the data itself is saved (and reported) by its own writes
  }
}
