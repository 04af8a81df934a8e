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
  /** The app version (build and record schemas) that last ran on this tablet: a different one means an update. */
  appVersion: "appVersion",
} as const;

/** Keys that belong to this tablet rather than to the data: never written to a backup. */
export const DEVICE_META_KEYS: readonly string[] = [META.deviceId, META.hlc, META.session, META.appVersion];
