import { useEffect, useState } from "react";
import { storageState, type StorageState } from "../db/storageState";

/** The browser's storage answer (asks for persistence once), or null while it is being asked. */
export function useStorageState(): StorageState | null {
  const [state, setState] = useState<StorageState | null>(null);
  useEffect(() => {
    let live = true;
    void storageState()
      .then((s) => live && setState(s))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return state;
}
