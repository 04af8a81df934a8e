import { useStorageState } from "../hooks/useStorageState";
import { useT } from "../i18n/useT";

/** On every screen, before any work starts: storage that will not last (private window, no persistence). */
export function PrivateModeBanner() {
  const t = useT();
  const state = useStorageState();
  if (!state?.likelyEphemeral) return null;
  return (
    <p className="banner error" role="alert" data-testid="private-mode-banner">
      {t("privateMode")}
    </p>
  );
}
