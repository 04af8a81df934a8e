import { useContext, useEffect, useRef, useState } from "react";
import type { Edit } from "../db/Edit";
import { useFlushOnLeave } from "../hooks/useFlushOnLeave";
import { dropDraft, mirrorDraft } from "../save/draftMirror";
import { DbContext } from "../shell/DbContext";

interface Props {
  label: string;
  value: string;
  /** Saves the value; a returned promise resolving to anything but false means it committed. */
  onCommit: (value: string) => void | Promise<unknown>;
  /** The edits that would save `draft`: mirrored on every keystroke so a reload or a crash mid-pause loses nothing. */
  mirror?: (draft: string) => Edit[];
  multiline?: boolean;
  disabled?: boolean;
  testId?: string;
  required?: boolean;
}

const IDLE_MS = 700;

/**
 * A text input that saves itself: it commits after a short pause in typing and on blur, so there is no Save button
 * and at most the last fraction of a second of typing is at risk.
 */
export function TextField({ label, value, onCommit, mirror, multiline, disabled, testId, required }: Props) {
  const db = useContext(DbContext);
  const [draft, setDraft] = useState(value);
  const committed = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const focused = useRef(false);

  useEffect(() => {
    // Take remote or reloaded values unless the user is typing here.
    if (!focused.current) setDraft(value);
    committed.current = value;
  }, [value]);
  // Leaving the screen, or the app going to the background (tab closed, home button), mid-typing still saves it.
  const save = (v: string) => {
    committed.current = v;
    const done = onCommit(v);
    // The mirror goes once the save committed (a failed one is retried by runSave; its mirror stays for the next start).
    if (mirror && db && done instanceof Promise) {
      const edits = mirror(v);
      void done.then((ok) => ok !== false && dropDraft(db, edits), () => undefined);
    }
  };
  useFlushOnLeave(() => {
    if (!timer.current) return;
    clearTimeout(timer.current);
    timer.current = null;
    if (draft !== committed.current) save(draft);
  });

  const commit = (v: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (v !== committed.current) save(v);
  };
  const onChange = (v: string) => {
    setDraft(v);
    if (mirror && db) mirrorDraft(db, mirror(v));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => commit(v), IDLE_MS);
  };
  const common = {
    value: draft,
    disabled,
    required,
    "data-testid": testId,
    onFocus: () => (focused.current = true),
    onBlur: () => {
      focused.current = false;
      commit(draft);
    },
  };
  return (
    <label>
      {label}
      {multiline ? (
        <textarea {...common} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} onChange={(e) => onChange(e.target.value)} />
      )}
    </label>
  );
}
