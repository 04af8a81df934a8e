import { useEffect } from "react";

const KEY = "htqlcl.lastScroll";

function readSaved(): { hash: string; y: number } | null {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? "null") as { hash: string; y: number } | null;
  } catch {
    return null;
  }
}

/**
 * Remembers how far down the current screen the user had scrolled, and after a restart scrolls back there once the
 * screen's data has loaded (live queries arrive a moment after the first render).
 */
export function useScrollResume(): void {
  useEffect(() => {
    const saved = readSaved();
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
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onScroll = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        try {
          localStorage.setItem(KEY, JSON.stringify({ hash: window.location.hash, y: Math.round(window.scrollY) }));
        } catch {
          // resume is a convenience; the data itself is in IndexedDB
        }
      }, 300);
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      window.removeEventListener("scroll", onScroll);
      if (timer) clearTimeout(timer);
      if (restoring) clearInterval(restoring);
    };
  }, []);
}
