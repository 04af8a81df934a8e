import { useEffect, useRef, useState } from "react";
import { useFlushOnLeave } from "../hooks/useFlushOnLeave";

interface Props {
  label: string;
  value: string;
  onCommit: (value: string) => void;
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
export function TextField({ label, value, onCommit, multiline, disabled, testId, required }: Props) {
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
  useFlushOnLeave(() => {
    if (!timer.current) return;
    clearTimeout(timer.current);
    timer.current = null;
    if (draft !== committed.current) {
      committed.current = draft;
      onCommit(draft);
    }
  });

  const commit = (v: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (v !== committed.current) {
      committed.current = v;
      onCommit(v);
    }
  };
  const onChange = (v: string) => {
    setDraft(v);
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
