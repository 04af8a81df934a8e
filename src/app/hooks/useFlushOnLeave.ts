import { useEffect, useRef } from "react";

/**
 * Calls `flush` when the app goes to the background (tab closed, home button, screen off), when the page is left,
 * and when the component unmounts (another screen or criterion): what is still in a typing or drawing pause is saved.
 * Always calls the latest `flush`.
 */
export function useFlushOnLeave(flush: () => void): void {
  const latest = useRef(flush);
  latest.current = flush;
  useEffect(() => {
    const onHide = () => document.visibilityState === "hidden" && latest.current();
    const onPageHide = () => latest.current();
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("pagehide", onPageHide);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("pagehide", onPageHide);
      latest.current();
    };
  }, []);
}
