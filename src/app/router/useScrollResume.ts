import { useEffect } from "react";
import type { AppDb } from "../db/AppDb";
import type { ResumeState } from "../db/ResumeState";
import { saveResumeState } from "../db/saveResumeState";

/** Touches that mean the user has started: a scroll restored after one would move the page under their finger. */
const USER_STARTS = ["pointerdown", "touchstart", "keydown", "wheel"] as const;

/**
 * Keeps the resume point (route and scroll) in IndexedDB on every route change and scroll pause, and after a
 * restart scrolls back to `saved` once the screen's data has loaded (live queries arrive after the first render),
 * unless the user has touched the screen first: a late jump would put another button under the next tap (a
 * criterion scored "Không đạt" that nobody chose). `<html data-resume>` says "pending" until it is settled.
 */
export function useScrollResume(db: AppDb, saved: ResumeState | null): void {
  useEffect(() => {
    let tries = 0;
    let restoring: ReturnType<typeof setInterval> | null = null;
    const root = document.documentElement;
    const settle = () => {
      if (restoring) clearInterval(restoring);
      restoring = null;
      root.dataset.resume = "done";
      for (const e of USER_STARTS) window.removeEventListener(e, settle, true);
    };
    if (saved && saved.hash === window.location.hash && saved.y > 0) {
      const y = saved.y;
      root.dataset.resume = "pending";
      for (const e of USER_STARTS) window.addEventListener(e, settle, { capture: true, passive: true });
      restoring = setInterval(() => {
        tries++;
        if (document.documentElement.scrollHeight >= y + window.innerHeight || tries > 20) {
          window.scrollTo(0, y);
          settle();
        }
      }, 100);
    } else root.dataset.resume = "done";
    const remember = () => void saveResumeState(db, { hash: window.location.hash, y: window.scrollY });
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onScroll = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        remember();
      }, 300);
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("hashchange", remember);
    return () => {
      window.removeEventListener("scroll", onScroll);
      window.removeEventListener("hashchange", remember);
      if (timer) clearTimeout(timer);
      settle();
    };
  }, [db, saved]);
}
