import { useLiveQuery } from "dexie-react-hooks";
import { useEffect, useState } from "react";
import { formatDate } from "../i18n/formatDate";
import { formatNumber } from "../i18n/formatNumber";
import { useT } from "../i18n/useT";
import { useDb } from "../shell/DbContext";
import type { SyncHandle, SyncStatus } from "../shell/SyncHandle";

/** Unsynced count, sync phase with progress, "Đồng bộ ngay", and the outdated-app notice (426). */
export function SyncBar({ sync }: { sync: SyncHandle | null }) {
  const t = useT();
  const db = useDb();
  const pending = useLiveQuery(() => db.outbox.count(), [db]) ?? 0;
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => (sync ? sync.subscribe(setStatus) : undefined), [sync]);

  let text = "";
  if (status) {
    const n = { done: formatNumber(status.done), total: formatNumber(status.total) };
    if (status.phase === "pushing") text = t("syncPushing", n);
    else if (status.phase === "pulling") text = t("syncPulling");
    else if (status.phase === "uploading") text = t("syncUploading", n);
    else if (status.phase === "offline") text = t("syncOffline");
    else if (status.phase === "error") text = t("syncError", { error: status.error ?? "" });
    else if (status.phase === "idle" && pending === 0) text = t("syncIdle");
  } else if (typeof navigator !== "undefined" && !navigator.onLine) text = t("syncOffline");

  return (
    <div className="row" data-testid="sync-bar" data-phase={status?.phase ?? "none"}>
      <span data-testid="unsynced-count">{t("unsynced", { n: formatNumber(pending) })}</span>
      {text && <span role="status">{text}</span>}
      {status?.lastSyncedAt ? <span className="muted">{t("syncLast", { when: formatDate(status.lastSyncedAt) })}</span> : null}
      {sync && (
        <button type="button" onClick={() => void sync.syncNow().catch(() => undefined)}>
          {t("syncNow")}
        </button>
      )}
      {status?.phase === "update-required" && (
        <div className="banner error" role="alert" data-testid="update-required">
          {t("updateRequired")}
        </div>
      )}
    </div>
  );
}
