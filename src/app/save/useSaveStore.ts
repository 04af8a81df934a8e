import { create } from "zustand";

export type SavePhase = "idle" | "saving" | "saved" | "error";

interface SaveState {
  phase: SavePhase;
  /** Writes started and not yet committed or failed: an update must not activate while this is above 0. */
  inFlight: number;
  /** Failed writes waiting for a retry; they are not "saved". */
  failed: number;
  error: string | null;
  begin: () => void;
  succeed: () => void;
  fail: (message: string) => void;
  retried: () => void;
}

export const useSaveStore = create<SaveState>((set) => ({
  phase: "idle",
  inFlight: 0,
  failed: 0,
  error: null,
  begin: () => set((s) => ({ inFlight: s.inFlight + 1, phase: s.failed > 0 ? "error" : "saving" })),
  succeed: () =>
    set((s) => {
      const inFlight = Math.max(0, s.inFlight - 1);
      if (s.failed > 0) return { inFlight, phase: "error" };
      return { inFlight, phase: inFlight > 0 ? "saving" : "saved", error: null };
    }),
  fail: (message) => set((s) => ({ inFlight: Math.max(0, s.inFlight - 1), failed: s.failed + 1, phase: "error", error: message })),
  retried: () => set((s) => ({ failed: Math.max(0, s.failed - 1) })),
}));
