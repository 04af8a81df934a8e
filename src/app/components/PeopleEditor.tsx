import { useT } from "../i18n/useT";

export interface PersonDraft {
  name: string;
  role: string;
}

interface Props {
  legend: string;
  people: PersonDraft[];
  onChange: (people: PersonDraft[]) => void;
  disabled?: boolean;
  testId: string;
}

/** A list of people present (name and role), with rows added and removed by tap. */
export function PeopleEditor({ legend, people, onChange, disabled, testId }: Props) {
  const t = useT();
  const set = (i: number, p: PersonDraft) => onChange(people.map((x, j) => (j === i ? p : x)));
  return (
    <fieldset className="card" data-testid={testId} disabled={disabled}>
      <legend>
        <strong>{legend}</strong>
      </legend>
      {people.map((p, i) => (
        <div key={i} className="grid2">
          <label>
            {t("personName")} {i + 1}
            <input value={p.name} onChange={(e) => set(i, { ...p, name: e.target.value })} />
          </label>
          <div className="row" style={{ alignItems: "end" }}>
            <label style={{ flex: 1 }}>
              {t("personRole")} {i + 1}
              <input value={p.role} onChange={(e) => set(i, { ...p, role: e.target.value })} />
            </label>
            <button type="button" aria-label={`${t("remove")} ${p.name || i + 1}`} onClick={() => onChange(people.filter((_, j) => j !== i))}>
              ✕
            </button>
          </div>
        </div>
      ))}
      <p>
        <button type="button" onClick={() => onChange([...people, { name: "", role: "" }])}>
          + {t("add")}
        </button>
      </p>
    </fieldset>
  );
}
