/** What the sync engine reports to the UI (progress bar, counts, last sync, a Vietnamese error). */
export interface SyncStatus {
  phase: "idle" | "pushing" | "pulling" | "uploading" | "error" | "offline" | "update-required";
  /** Changes not yet acknowledged by the server. */
  pending: number;
  /** Progress of the current phase: done of total. */
  done: number;
  total: number;
  lastSyncedAt: number | null;
  error?: string;
  /** Changes the server refused so far (kept on the tablet in the `rejected` table). */
  rejected?: number;
  /** Pulled changes this app version cannot apply yet (kept in the `quarantine` table until an update). */
  quarantined?: number;
}
