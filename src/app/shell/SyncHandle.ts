/** What the status bar needs from the sync engine (src/app/sync/SyncEngine.ts satisfies it). */
export interface SyncStatus {
  phase: "idle" | "pushing" | "pulling" | "uploading" | "error" | "offline" | "update-required";
  pending: number;
  done: number;
  total: number;
  lastSyncedAt: number | string | null;
  error?: string;
}

export interface SyncHandle {
  syncNow(): Promise<unknown>;
  subscribe(listener: (status: SyncStatus) => void): () => void;
}
