import { useLiveQuery } from "dexie-react-hooks";
import { issuerGaps } from "../../domain/issuerProblems";
import { loadIssuerSettings } from "../db/loadIssuerSettings";
import { useT } from "../i18n/useT";
import { useUiStore } from "../state/useUiStore";
import { useDb } from "../shell/DbContext";

/** Warns while the province's issuer settings are unset (the record would print the default header); nothing once
 * they are set, or once the inspection carries its frozen issuer. */
export function IssuerWarning({ province, frozen }: { province: string | null | undefined; frozen?: boolean }) {
  const t = useT();
  const db = useDb();
  const lang = useUiStore((s) => s.lang);
  const settings = useLiveQuery(async () => (province ? ((await loadIssuerSettings(db, province)) ?? null) : null), [db, province]);
  if (frozen || settings === undefined) return null;
  const gaps = issuerGaps(settings ?? undefined);
  if (gaps.length === 0) return null;
  return (
    <p className="banner warn" role="note" data-testid="issuer-unset">
      {t("issuerUnset", { gaps: gaps.map((g) => (lang === "en" ? g.en : g.vi)).join(", ") })}
    </p>
  );
}
