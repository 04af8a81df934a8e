import { useT } from "../i18n/useT";
import { retryFailedSaves } from "../save/runSave";
import { useSaveStore } from "../save/useSaveStore";

/** "Đã lưu trên máy" only after the IndexedDB transaction committed; a failure in plain words with a retry. */
export function SaveStatus() {
  const t = useT();
  const { phase, error } = useSaveStore();
  if (phase === "idle") return <span data-testid="save-status" className="save-status" />;
  if (phase === "error") {
    return (
      <span data-testid="save-status" data-state="error" role="alert" className="save-status error">
        {t("saveFailed", { error: error ?? "" })}{" "}
        <button type="button" onClick={retryFailedSaves}>
          {t("retry")}
        </button>
      </span>
    );
  }
  return (
    <span data-testid="save-status" data-state={phase} role="status" aria-live="polite" className={`save-status ${phase}`}>
      {phase === "saved" ? t("saved") : t("saving")}
    </span>
  );
}
