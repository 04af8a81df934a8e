import { useState } from "react";
import { useT } from "../i18n/useT";

const KEY = "htqlcl.iosHintDismissed";

function isIosSafariNotInstalled(): boolean {
  const ua = navigator.userAgent;
  // iPadOS 13+ reports itself as a Mac; touch support tells them apart.
  const ios = /iPad|iPhone|iPod/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1);
  const standalone = (navigator as Navigator & { standalone?: boolean }).standalone === true || window.matchMedia?.("(display-mode: standalone)").matches;
  return ios && !standalone;
}

/** iPad: Safari clears the storage of sites not added to the home screen, so say how to install. */
export function IosInstallHint() {
  const t = useT();
  const [hidden, setHidden] = useState(() => {
    try {
      return localStorage.getItem(KEY) === "1";
    } catch {
      return false;
    }
  });
  if (hidden || !isIosSafariNotInstalled()) return null;
  return (
    <div className="banner warn" role="note" data-testid="ios-install-hint">
      <strong>{t("iosInstallTitle")}</strong>
      <p>{t("iosInstallBody")}</p>
      <button
        type="button"
        onClick={() => {
          try {
            localStorage.setItem(KEY, "1");
          } catch {
            // the hint just shows again next time
          }
          setHidden(true);
        }}
      >
        {t("dismiss")}
      </button>
    </div>
  );
}
