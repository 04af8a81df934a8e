export interface StorageState {
  /** The browser's answer to persist(): true = it will not evict our data under storage pressure. */
  persisted: boolean;
  /** persist() or estimate() does not exist here (old Safari, some WebViews). */
  supported: boolean;
  usage: number | null;
  quota: number | null;
  /** usage / quota, 0..1, or null when unknown. */
  ratio: number | null;
  /** At or above 80 % of the quota. */
  nearlyFull: boolean;
  /** Private browsing or storage that will not last: warn before work starts. */
  likelyEphemeral: boolean;
}

/** Below this a quota is typical of private/incognito windows (Chrome gives those ~100 MB; Safari even less). */
const EPHEMERAL_QUOTA = 120 * 1024 * 1024;

/** Ask for persistent storage (once granted it stays) and report usage against quota. */
export async function storageState(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<StorageState> {
  if (!storage || typeof storage.estimate !== "function") {
    return { persisted: false, supported: false, usage: null, quota: null, ratio: null, nearlyFull: false, likelyEphemeral: true };
  }
  let persisted: boolean;
  try {
    persisted = (await storage.persisted?.()) || (await storage.persist?.()) || false;
  } catch {
    persisted = false;
  }
  const est = await storage.estimate().catch(() => ({}) as StorageEstimate);
  const usage = est.usage ?? null;
  const quota = est.quota ?? null;
  const ratio = usage !== null && quota ? usage / quota : null;
  return {
    persisted,
    supported: true,
    usage,
    quota,
    ratio,
    nearlyFull: ratio !== null && ratio >= 0.8,
    likelyEphemeral: !persisted && quota !== null && quota < EPHEMERAL_QUOTA,
  };
}
