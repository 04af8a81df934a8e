/** Keys of the `meta` table. UI state may add its own keys under the `ui.` prefix. */
export const META = {
  deviceId: "deviceId",
  hlc: "hlc",
  session: "session",
  pullCursor: "pullCursor",
  epoch: "epoch",
  lastSyncedAt: "lastSyncedAt",
  uiResume: "ui.resume",
  recordIssuer: "recordIssuer",
} as const;

/** Keys that belong to this tablet rather than to the data: never written to a backup. */
export const DEVICE_META_KEYS: readonly string[] = [META.deviceId, META.hlc, META.session];
