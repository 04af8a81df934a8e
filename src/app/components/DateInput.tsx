import { useEffect, useRef, useState } from "react";
import { formatDate } from "../i18n/formatDate";
import { parseVietDate } from "../i18n/parseVietDate";
import { useT } from "../i18n/useT";

interface Props {
  label: string;
  value: string | null;
  onChange: (iso: string | null) => void;
  disabled?: boolean;
  required?: boolean;
  testId?: string;
}

/**
 * A date typed as dd/mm/yyyy whatever the browser's locale (a native date input follows the device language and
 * shows mm/dd/yyyy on many tablets). Reports an ISO date, or null when emptied; an impossible date is flagged.
 */
export function DateInput({ label, value, onChange, disabled, required, testId }: Props) {
  const t = useT();
  const [text, setText] = useState(formatDate(value));
  const [bad, setBad] = useState(false);
  // The value last reported: the stored one catches up only after the save commits, so comparing with `value`
  // alone would save the same date again on blur.
  const reported = useRef(value);
  useEffect(() => {
    reported.current = value;
    if (parseVietDate(text) !== value) setText(formatDate(value));
    // Only outside changes of the value reset the text being typed.
  }, [value]);
  const commit = (t: string) => {
    const iso = parseVietDate(t);
    setBad(iso === undefined);
    if (iso !== undefined && iso !== reported.current) {
      reported.current = iso;
      onChange(iso);
    }
  };
  return (
    <label>
      {label}
      <input
        inputMode="numeric"
        placeholder="dd/mm/yyyy"
        value={text}
        disabled={disabled}
        required={required}
        aria-invalid={bad || undefined}
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          if (parseVietDate(e.target.value) !== undefined) commit(e.target.value);
        }}
        onBlur={() => commit(text)}
      />
      {bad && (
        <span role="alert" className="muted">
          {t("dateFormat")}
        </span>
      )}
    </label>
  );
}
