import type { AppDb } from "./AppDb";
import { META } from "./META";
import type { ResumeState } from "./ResumeState";

/** The resume point kept in IndexedDB (localStorage loses its latest writes when Chromium is killed), or null. */
export async function loadResumeState(db: AppDb): Promise<ResumeState | null> {
  try {
    const v = (await db.meta.get(META.uiResume))?.value as Partial<ResumeState> | undefined;
    if (typeof v?.hash !== "string" || !v.hash.startsWith("#/")) return null;
    return { hash: v.hash, y: typeof v.y === "number" && v.y > 0 ? v.y : 0 };
  } catch {
    // resume is a convenience: a database that cannot be read opens the home screen
    return null;
  }
}
