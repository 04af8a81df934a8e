import { useEffect, useRef, useState } from "react";
import { formatDate } from "../i18n/formatDate";
import { parseVietDate } from "../i18n/parseVietDate";
import { useT } from "../i18n/useT";
import { vietDateProblem } from "../i18n/vietDateProblem";

/** A bound another date of the same record sets, with the sentence that explains it ("not before the inspection date"). */
export interface DateBound {
  iso: string | null | undefined;
  message: string;
}

interface Props {
  label: string;
  value: string | null;
  onChange: (iso: string | null) => void;
  disabled?: boolean;
  required?: boolean;
  testId?: string;
  /** The date may not be earlier than `min.iso` nor later than `max.iso`; such a date is flagged and not reported. */
  min?: DateBound;
  max?: DateBound;
  /** Told the sentence flagging the field (null once it is fixed), so a form can refuse to go on meanwhile. */
  onProblem?: (problem: string | null) => void;
}

/**
 * A date typed as dd/mm/yyyy whatever the browser's locale (a native date input follows the device language and
 * shows mm/dd/yyyy on many tablets). Reports an ISO date, or null when emptied. A text that is not a date, a date
 * that does not exist (31/11) and a date outside its bounds are flagged, each in its own words, and not reported.
 */
export function DateInput({ label, value, onChange, disabled, required, testId, min, max, onProblem }: Props) {
  const t = useT();
  const [text, setText] = useState(formatDate(value));
  const [flagged, setFlagged] = useState(false);
  // The value last reported: the stored one catches up only after the save commits, so comparing with `value`
  // alone would save the same date again on blur.
  const reported = useRef(value);
  useEffect(() => {
    reported.current = value;
    if (parseVietDate(text) !== value) setText(formatDate(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only outside changes of the value reset the text being typed
  }, [value]);

  const problemOf = (s: string): string | null => {
    const p = vietDateProblem(s);
    if (p?.kind === "format") return t("dateFormat");
    if (p?.kind === "no-month") return t("dateNoMonth", { date: s.trim(), month: p.month });
    if (p?.kind === "no-day") return t("dateNoDay", { date: s.trim(), month: p.month, year: p.year, days: p.days });
    const iso = parseVietDate(s);
    if (iso && min?.iso && iso < min.iso) return min.message;
    if (iso && max?.iso && iso > max.iso) return max.message;
    return null;
  };
  // A date outside its bounds is flagged at once (also when the other date moves); a text that is not a date yet
  // only once the inspector leaves the field.
  const problem = flagged || parseVietDate(text) ? problemOf(text) : null;
  // A date held back by its bound is reported once the other date moves and lets it through.
  useEffect(() => {
    if (parseVietDate(text)) commit(text);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a move of a bound reports again the date it held back
  }, [min?.iso, max?.iso]);
  const latestOnProblem = useRef(onProblem);
  latestOnProblem.current = onProblem;
  useEffect(() => latestOnProblem.current?.(problem), [problem]);

  const commit = (s: string) => {
    const p = problemOf(s);
    setFlagged(p !== null);
    const iso = parseVietDate(s);
    if (p === null && iso !== undefined && iso !== reported.current) {
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
        aria-invalid={problem ? true : undefined}
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          if (parseVietDate(e.target.value) !== undefined) commit(e.target.value);
        }}
        onBlur={() => commit(text)}
      />
      {problem && (
        <span role="alert" className="muted" data-testid={testId ? `${testId}-problem` : undefined}>
          {problem}
        </span>
      )}
    </label>
  );
}
