import { useStorageState } from "../hooks/useStorageState";
import { formatBytes } from "../i18n/formatBytes";
import { formatNumber } from "../i18n/formatNumber";
import { useT } from "../i18n/useT";

/** The browser's persistent-storage answer, usage against quota (warning at 80%) and a private-mode warning. */
export function StoragePanel() {
  const t = useT();
  const state = useStorageState();
  if (!state) return null;
  const pct = (state.ratio ?? 0) * 100;
  return (
    <section className="card" aria-label={t("storage")} data-testid="storage-panel">
      <h2>{t("storage")}</h2>
      {state.likelyEphemeral && (
        <p className="banner error" role="alert" data-testid="private-mode-warning">
          {t("privateMode")}
        </p>
      )}
      <p className={state.persisted ? "" : "banner warn"} data-testid="persist-answer">
        {state.persisted ? t("storagePersisted") : t("storageNotPersisted")}
      </p>
      {state.quota ? (
        <>
          <p>{t("storageUsage", { used: formatBytes(state.usage ?? 0), quota: formatBytes(state.quota), pct: formatNumber(pct) })}</p>
          <div className="progress" aria-hidden="true">
            <div style={{ width: `${Math.min(100, pct)}%` }} />
          </div>
          {state.nearlyFull && (
            <p className="banner warn" role="alert" data-testid="storage-80-warning">
              {t("storageWarn80")}
            </p>
          )}
        </>
      ) : null}
    </section>
  );
}
