import { useState } from "react";
import type { DocumentRef } from "../../domain/result";
import { formatDate } from "../i18n/formatDate";
import { DateInput } from "./DateInput";
import { useT } from "../i18n/useT";

interface Props {
  documents: DocumentRef[];
  disabled: boolean;
  onChange: (docs: DocumentRef[]) => void;
}

/** Document references seen (number and date), added and removed by tap. */
export function DocumentsEditor({ documents, disabled, onChange }: Props) {
  const t = useT();
  const [number, setNumber] = useState("");
  const [date, setDate] = useState<string | null>(null);
  return (
    <fieldset className="card" disabled={disabled} data-testid="documents">
      <legend>
        <strong>{t("documents")}</strong>
      </legend>
      <ul className="plain">
        {documents.map((d, i) => (
          <li key={i} className="row">
            <span style={{ flex: 1 }}>
              {d.number}
              {d.date ? ` (${formatDate(d.date)})` : ""}
            </span>
            <button type="button" aria-label={`${t("remove")} ${d.number}`} onClick={() => onChange(documents.filter((_, j) => j !== i))}>
              ✕
            </button>
          </li>
        ))}
      </ul>
      <div className="grid2">
        <label>
          {t("docNumber")}
          <input value={number} onChange={(e) => setNumber(e.target.value)} data-testid="doc-number" />
        </label>
        <DateInput label={t("docDate")} value={date} onChange={setDate} testId="doc-date" />
      </div>
      <p>
        <button
          type="button"
          disabled={!number.trim()}
          onClick={() => {
            onChange([...documents, { number: number.trim().normalize("NFC"), date }]);
            setNumber("");
            setDate(null);
          }}
        >
          {t("addDocument")}
        </button>
      </p>
    </fieldset>
  );
}
