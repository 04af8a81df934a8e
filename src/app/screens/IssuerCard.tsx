import { useLiveQuery } from "dexie-react-hooks";
import { loadIssuerSettings } from "../db/loadIssuerSettings";
import { useT } from "../i18n/useT";
import { useDb } from "../shell/DbContext";
import { IssuerWarning } from "./IssuerWarning";

/** "Thông tin văn bản": who issues the province's records, as DOST set them (synced; read-only on a tablet). */
export function IssuerCard({ province }: { province: string | null }) {
  const t = useT();
  const db = useDb();
  const issuer = useLiveQuery(async () => (province ? ((await loadIssuerSettings(db, province)) ?? null) : null), [db, province]);
  const rows: [string, string, string][] = issuer
    ? [
        ["issuer-parent-body", t("issuerParentBody"), issuer.parentBody],
        ["issuer-issuing-body", t("issuerIssuingBody"), issuer.issuingBody],
        ["issuer-place", t("issuerPlace"), issuer.place],
        ["issuer-symbol", t("issuerSymbol"), issuer.symbols.record],
        ["issuer-drafting-unit", t("issuerDraftingUnit"), issuer.draftingUnit],
        ["issuer-recipients", t("issuerRecipients"), issuer.recipients.join("; ")],
      ]
    : [];
  return (
    <section className="card" data-testid="issuer-card">
      <h2>{t("issuerTitle")}</h2>
      <p className="muted">{t("issuerHint")}</p>
      <IssuerWarning province={province} />
      {rows.length > 0 && (
        <dl>
          {rows.map(([id, label, value]) => (
            <div key={id} data-testid={id}>
              <dt>{label}</dt>
              <dd>{value || "—"}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
