import { useState } from "react";
import { useT } from "../i18n/useT";

interface Props {
  /** The button's label, e.g. "Xoá hành động". */
  label: string;
  /** The question asked after the first tap. */
  question: string;
  onConfirm: () => void;
  /** The first button's test id; the confirming one gets `<testId>-confirm`. */
  testId: string;
}

/** A remove button that asks once more (one tap is too easy with a thumb in a moving car), with Huỷ to keep. */
export function ConfirmRemove({ label, question, onConfirm, testId }: Props) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" onClick={() => setAsking(true)} data-testid={testId}>
        {label}
      </button>
    );
  }
  return (
    <div className="row" role="alertdialog" aria-label={question}>
      <span>{question}</span>
      <button type="button" onClick={onConfirm} data-testid={`${testId}-confirm`}>
        {label}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {t("cancel")}
      </button>
    </div>
  );
}
