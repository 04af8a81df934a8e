import { useEffect, useState } from "react";
import { useT } from "../i18n/useT";
import { useSaveStore } from "../save/useSaveStore";
import { useUpdateStore } from "../shell/useUpdateStore";

/** "Có phiên bản mới": the new version activates only on accept, and only once no write is in flight. */
export function UpdatePrompt() {
  const t = useT();
  const { waiting, activate } = useUpdateStore();
  const busy = useSaveStore((s) => s.inFlight > 0 || s.failed > 0);
  const [accepted, setAccepted] = useState(false);
  const [dismissed, setDismissed] = useState(false);

  useEffect(() => {
    if (accepted && !busy && activate) activate();
  }, [accepted, busy, activate]);

  if (!waiting || dismissed) return null;
  return (
    <div className="banner info row" role="alertdialog" aria-label={t("updateAvailable")} data-testid="update-prompt">
      <strong>{t("updateAvailable")}</strong>
      {accepted && busy ? (
        <span>{t("updateWaiting")}</span>
      ) : (
        <>
          <button type="button" className="primary" onClick={() => setAccepted(true)} disabled={accepted}>
            {t("updateNow")}
          </button>
          <button type="button" onClick={() => setDismissed(true)}>
            {t("updateLater")}
          </button>
        </>
      )}
    </div>
  );
}
