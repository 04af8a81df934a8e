import { useLiveQuery } from "dexie-react-hooks";
import { useEffect, useState } from "react";
import { unsentWork, type UnsentWork } from "../db/unsentWork";
import { useOnline } from "../hooks/useOnline";
import { formatDate } from "../i18n/formatDate";
import { formatNumber } from "../i18n/formatNumber";
import { useT } from "../i18n/useT";
import { useDb } from "../shell/DbContext";
import type { SyncHandle, SyncStatus } from "../shell/SyncHandle";
import { ProgressBar } from "./ProgressBar";

type T = ReturnType<typeof useT>;

/** "1 cuộc kiểm tra · 1 ảnh chưa gửi": what is unsent, in the inspector's terms rather than field changes. */
function unsentText(t: T, u: UnsentWork): string {
  const n = (x: number) => formatNumber(x);
  const parts = [
    u.inspections.size > 0 && t(u.inspections.size === 1 ? "unsentInspection1" : "unsentInspectionN", { n: n(u.inspections.size) }),
    u.photos > 0 && t(u.photos === 1 ? "unsentPhoto1" : "unsentPhotoN", { n: n(u.photos) }),
    u.other > 0 && t(u.other === 1 ? "unsentOther1" : "unsentOtherN", { n: n(u.other) }),
  ].filter((p): p is string => Boolean(p));
  return parts.length === 0 ? t("unsentNone") : t("unsentList", { list: parts.join(" · ") });
}

/** What is unsent, the sync phase with a progress bar, "Đồng bộ ngay", and the outdated-app notice (426). */
export function SyncBar({ sync }: { sync: SyncHandle | null }) {
  const t = useT();
  const db = useDb();
  const unsent = useLiveQuery(() => unsentWork(db), [db]);
  const online = useOnline();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => (sync ? sync.subscribe(setStatus) : undefined), [sync]);
  const pending = unsent ? unsent.changes + unsent.photos : 0;

  let text = "";
  let progress: { label: string; done?: number; total?: number } | null = null;
  // The browser's offline event is believed at once: no "Đã đồng bộ" while the network is gone.
  if (!online) text = t("syncOffline");
  else if (status) {
    const n = { done: formatNumber(status.done), total: formatNumber(status.total) };
    if (status.phase === "pushing") progress = { label: t("syncPushing", n), done: status.done, total: status.total };
    else if (status.phase === "pulling") progress = { label: t("syncPulling") };
    else if (status.phase === "uploading") progress = { label: t("syncUploading", n), done: status.done, total: status.total };
    else if (status.phase === "offline") text = t("syncOffline");
    else if (status.phase === "error") text = t("syncError", { error: status.error ?? "" });
    else if (status.phase === "idle" && unsent && pending === 0) text = t("syncIdle");
  }

  return (
    <div className="row" data-testid="sync-bar" data-phase={!online ? "offline" : (status?.phase ?? "none")}>
      <span data-testid="unsynced-count" data-pending={unsent?.changes ?? 0} title={t("unsynced", { n: formatNumber(unsent?.changes ?? 0) })}>
        {unsent ? unsentText(t, unsent) : ""}
      </span>
      {text && <span role="status">{text}</span>}
      {progress && <ProgressBar label={progress.label} done={progress.done} total={progress.total} testId="sync-progress" />}
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
