import { useT } from "../i18n/useT";
import { retryFailedSaves } from "../save/runSave";
import { useSaveStore } from "../save/useSaveStore";

/**
 * "Đã lưu trên máy" only after the IndexedDB transaction committed; a failure in plain words with a retry.
 * The short states sit in the top bar, which never scrolls away; a failure needs room for its words and its
 * button, so it shows in the status line below (pinned while it lasts). Exactly one of the two renders.
 */
export function SaveStatus({ place }: { place: "topbar" | "statusline" }) {
  const t = useT();
  const { phase, error } = useSaveStore();
  if ((phase === "error") !== (place === "statusline")) return null;
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
