import { Workbox } from "workbox-window";
import { useUpdateStore } from "./useUpdateStore";

/**
 * Registers the service worker. A new version waits ("Có phiên bản mới") until the user accepts; only then is it
 * told to skip waiting, and the page reloads when the new worker takes control. Never a silent reload.
 */
export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator) || import.meta.env.DEV) return;
  const wb = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });
  let accepted = false;
  const offer = () =>
    useUpdateStore.getState().setWaiting(() => {
      accepted = true;
      wb.messageSkipWaiting();
    });
  wb.addEventListener("waiting", offer);
  wb.addEventListener("controlling", () => {
    if (accepted) window.location.reload();
  });
  void wb.register().then((reg) => {
    // Look for a new build when the app comes back to the foreground or online, and hourly: tablets stay open for days.
    const check = () => void reg?.update().catch(() => undefined);
    document.addEventListener("visibilitychange", () => document.visibilityState === "visible" && check());
    window.addEventListener("online", check);
    setInterval(check, 60 * 60 * 1000);
  });
}
