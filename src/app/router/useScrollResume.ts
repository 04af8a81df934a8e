import { useEffect } from "react";
import type { AppDb } from "../db/AppDb";
import type { ResumeState } from "../db/ResumeState";
import { saveResumeState } from "../db/saveResumeState";

/**
 * Keeps the resume point (route and scroll) in IndexedDB on every route change and scroll pause, and after a
 * restart scrolls back to `saved` once the screen's data has loaded (live queries arrive after the first render).
 */
export function useScrollResume(db: AppDb, saved: ResumeState | null): void {
  useEffect(() => {
    let tries = 0;
    let restoring: ReturnType<typeof setInterval> | null = null;
    if (saved && saved.hash === window.location.hash && saved.y > 0) {
      const y = saved.y;
      restoring = setInterval(() => {
        tries++;
        if (document.documentElement.scrollHeight >= y + window.innerHeight || tries > 20) {
          window.scrollTo(0, y);
          if (restoring) clearInterval(restoring);
          restoring = null;
        }
      }, 100);
    }
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
      if (restoring) clearInterval(restoring);
    };
  }, [db, saved]);
}
