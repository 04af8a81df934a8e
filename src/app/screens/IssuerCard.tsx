import { useLiveQuery } from "dexie-react-hooks";
import { TextField } from "../components/TextField";
import { loadRecordIssuer } from "../db/loadRecordIssuer";
import type { RecordIssuer } from "../db/RecordIssuer";
import { saveRecordIssuer } from "../db/saveRecordIssuer";
import { useT } from "../i18n/useT";
import { runSave } from "../save/runSave";
import { useDb } from "../shell/DbContext";

/** "Thông tin văn bản": who issues the inspection records exported on this tablet; each field saves itself. */
export function IssuerCard() {
  const t = useT();
  const db = useDb();
  const issuer = useLiveQuery(() => loadRecordIssuer(db), [db], null);
  if (issuer === null) return null;
  const save = (patch: Partial<RecordIssuer>) => void runSave(() => saveRecordIssuer(db, patch));
  return (
    <section className="card" data-testid="issuer-card">
      <h2>{t("issuerTitle")}</h2>
      <p className="muted">{t("issuerHint")}</p>
      <TextField label={t("issuerParentBody")} value={issuer?.parentBody ?? ""} onCommit={(v) => save({ parentBody: v })} testId="issuer-parent-body" />
      <TextField label={t("issuerIssuingBody")} value={issuer?.issuingBody ?? ""} onCommit={(v) => save({ issuingBody: v })} testId="issuer-issuing-body" />
      <TextField label={t("issuerPlace")} value={issuer?.place ?? ""} onCommit={(v) => save({ place: v })} testId="issuer-place" />
      <TextField label={t("issuerSymbol")} value={issuer?.symbol ?? ""} onCommit={(v) => save({ symbol: v })} testId="issuer-symbol" />
      <TextField
        label={t("issuerRecipients")}
        multiline
        value={(issuer?.recipients ?? []).join("\n")}
        onCommit={(v) => save({ recipients: v.split("\n") })}
        testId="issuer-recipients"
      />
    </section>
  );
}
