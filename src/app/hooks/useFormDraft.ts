import { useEffect, useRef, useState } from "react";
import { clearFormDraft, readFormDraft, readFormDraftNow, writeFormDraft } from "../save/draftMirror";
import { useDb } from "../shell/DbContext";

/**
 * The state of a form that is not a record yet, saved on every change like every other screen (localStorage at
 * once, IndexedDB right after), so Back and Forward, a reload or a killed browser bring it back as it was.
 * Returns the state, a setter of some of its fields, and `clear` for once the form has been submitted.
 */
export function useFormDraft<T extends object>(key: string, initial: () => T): [T, (patch: Partial<T>) => void, () => Promise<void>] {
  const db = useDb();
  const [state, setState] = useState<T>(() => ({ ...initial(), ...((readFormDraftNow(db, key) as Partial<T> | undefined) ?? {}) }));
  const current = useRef(state);
  const touched = useRef(false);
  useEffect(() => {
    // localStorage lost by a killed browser: the IndexedDB copy, unless the user has typed since.
    if (readFormDraftNow(db, key) !== undefined) return;
    let live = true;
    void readFormDraft(db, key).then((stored) => {
      if (!live || touched.current || !stored) return;
      current.current = { ...current.current, ...(stored as Partial<T>) };
      setState(current.current);
    });
    return () => {
      live = false;
    };
  }, [db, key]);
  const update = (patch: Partial<T>) => {
    touched.current = true;
    current.current = { ...current.current, ...patch };
    writeFormDraft(db, key, current.current);
    setState(current.current);
  };
  return [state, update, () => clearFormDraft(db, key)];
}
