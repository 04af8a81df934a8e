interface Props {
  label: string;
  /** Done of total; without them (or with total 0) the bar only says that work is going on. */
  done?: number;
  total?: number;
  testId?: string;
}

/** A progress bar for long work (photo upload, sync of many changes, a bundle import, a backup), with its words. */
export function ProgressBar({ label, done, total, testId }: Props) {
  const known = total !== undefined && total > 0 && done !== undefined;
  return (
    <div className="progress-line" data-testid={testId}>
      <span>{label}</span>
      {known ? <progress aria-label={label} value={Math.min(done, total)} max={total} /> : <progress aria-label={label} />}
    </div>
  );
}
