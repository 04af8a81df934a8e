import { useEffect, useRef, useState, type FocusEvent } from "react";
import { useFlushOnLeave } from "../hooks/useFlushOnLeave";
import { PeopleEditor, type PersonDraft } from "./PeopleEditor";

interface Props {
  legend: string;
  value: readonly PersonDraft[];
  onCommit: (people: PersonDraft[]) => void;
  disabled?: boolean;
  testId: string;
}

/**
 * A stored list of people (name and role) that saves itself: edited as a draft, saved when focus leaves the list,
 * a row is removed, the screen changes or the app is hidden. Rows without a name are dropped on saving.
 */
export function PeopleField({ legend, value, onCommit, disabled, testId }: Props) {
  const [draft, setDraft] = useState<PersonDraft[] | null>(null);
  const focused = useRef(false);
  const key = JSON.stringify(value);
  // What was last saved: the stored value catches up only after the commit, so comparing with `value` alone would
  // save the same list again when focus leaves and the screen closes in quick succession.
  const committed = useRef(key);
  useEffect(() => {
    committed.current = key;
    // Take remote or reloaded values unless the user is editing here.
    if (!focused.current) setDraft(null);
  }, [key]);

  const commit = (list: PersonDraft[] | null = draft) => {
    if (list === null) return;
    const clean = list.filter((p) => p.name.trim()).map((p) => ({ ...p, name: p.name.trim().normalize("NFC"), role: p.role.trim().normalize("NFC") }));
    if (JSON.stringify(clean) === committed.current) return;
    committed.current = JSON.stringify(clean);
    onCommit(clean);
  };
  useFlushOnLeave(() => commit());

  const onChange = (people: PersonDraft[]) => {
    setDraft(people);
    // A removed row is saved at once; typing waits for focus to leave the list.
    if (people.length < (draft ?? value).length) commit(people);
  };
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
    focused.current = false;
    commit();
  };
  return (
    <div onFocus={() => (focused.current = true)} onBlur={onBlur}>
      <PeopleEditor legend={legend} people={draft ?? [...value]} onChange={onChange} disabled={disabled} testId={testId} />
    </div>
  );
}
