const KEY = "htqlcl.lastRoute";

/** The route the user was on, so closing the tab or restarting the tablet returns exactly there. */
export function loadLastRoute(): string | null {
  try {
    return globalThis.localStorage?.getItem(KEY) ?? null;
  } catch {
    return null;
  }
}

export function storeLastRoute(hash: string): void {
  try {
    globalThis.localStorage?.setItem(KEY, hash);
  } catch {
    // storage refused (private mode): resume is a convenience, the data itself is in IndexedDB
  }
}
