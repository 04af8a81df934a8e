import { useRef, useState } from "react";
import { useFlushOnLeave } from "../hooks/useFlushOnLeave";
import type { DocumentRef } from "../../domain/result";
import { formatDate } from "../i18n/formatDate";
import { DateInput } from "./DateInput";
import { useT } from "../i18n/useT";

interface Props {
  documents: DocumentRef[];
  disabled: boolean;
  onChange: (docs: DocumentRef[]) => void;
}

/**
 * Document references seen (number and date), added and removed by tap. A number typed but not yet added is added
 * when the criterion is left or the app is hidden, so it is never lost for want of a tap on "Thêm văn bản".
 */
export function DocumentsEditor({ documents, disabled, onChange }: Props) {
  const t = useT();
  const [number, setNumber] = useState("");
  const [date, setDate] = useState<string | null>(null);
  const latest = useRef({ number, date, documents, onChange, disabled });
  latest.current = { number, date, documents, onChange, disabled };
  const add = () => {
    const l = latest.current;
    if (!l.number.trim() || l.disabled) return;
    l.onChange([...l.documents, { number: l.number.trim().normalize("NFC"), date: l.date }]);
    latest.current = { ...l, number: "", date: null };
    setNumber("");
    setDate(null);
  };
  useFlushOnLeave(add);
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
          onClick={add}
        >
          {t("addDocument")}
        </button>
      </p>
    </fieldset>
  );
}
