import { useLiveQuery } from "dexie-react-hooks";
import { useState } from "react";
import { requeueRejected } from "../db/requeueRejected";
import { formatNumber } from "../i18n/formatNumber";
import { useT } from "../i18n/useT";
import { useDb } from "../shell/DbContext";
import type { SyncHandle } from "../shell/SyncHandle";

/** Reasons with how many changes each, most frequent first. */
function grouped(rows: readonly { reason: string }[]): [string, number][] {
  const by = new Map<string, number>();
  for (const r of rows) by.set(r.reason, (by.get(r.reason) ?? 0) + 1);
  return [...by.entries()].sort((a, b) => b[1] - a[1]);
}

/**
 * Nothing is dropped silently: the changes from the server this app version cannot apply yet (they wait in the
 * quarantine for an update), and this tablet's changes the server refused (sent again after an update, or now).
 */
export function QuarantineNotice({ sync }: { sync: SyncHandle | null }) {
  const t = useT();
  const db = useDb();
  const waiting = useLiveQuery(() => db.quarantine.toArray(), [db]) ?? [];
  const refused = useLiveQuery(() => db.rejected.toArray(), [db]) ?? [];
  const [busy, setBusy] = useState(false);
  if (waiting.length === 0 && refused.length === 0) return null;
  const reasons = (rows: readonly { reason: string }[], testId: string) => (
    <details>
      <summary>{t("quarantineReasons")}</summary>
      <ul data-testid={testId}>
        {grouped(rows).map(([reason, n]) => (
          <li key={reason}>{t("quarantineReason", { n: formatNumber(n), reason })}</li>
        ))}
      </ul>
    </details>
  );
  const resend = async () => {
    setBusy(true);
    try {
      await requeueRejected(db, Date.now());
      await sync?.syncNow();
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="banner warn" role="status" data-testid="quarantine-notice">
      {waiting.length > 0 && (
        <div data-testid="quarantine-waiting">
          <strong>{t("quarantineWaiting", { n: formatNumber(waiting.length) })}</strong> {t("quarantineWaitingHint")}
          {reasons(waiting, "quarantine-waiting-reasons")}
        </div>
      )}
      {refused.length > 0 && (
        <div data-testid="quarantine-refused">
          <strong>{t("quarantineRefused", { n: formatNumber(refused.length) })}</strong> {t("quarantineRefusedHint")}
          {reasons(refused, "quarantine-refused-reasons")}
          <button type="button" disabled={busy} onClick={() => void resend().catch(() => undefined)} data-testid="quarantine-resend">
            {t("quarantineResend")}
          </button>
        </div>
      )}
    </div>
  );
}
