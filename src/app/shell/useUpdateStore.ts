import { create } from "zustand";

interface UpdateState {
  /** A new service worker is installed and waiting. */
  waiting: boolean;
  /** Activates the waiting version and reloads once it controls the page; set by the registration. */
  activate: (() => void) | null;
  setWaiting: (activate: () => void) => void;
}

export const useUpdateStore = create<UpdateState>((set) => ({
  waiting: false,
  activate: null,
  setWaiting: (activate) => set({ waiting: true, activate }),
}));
