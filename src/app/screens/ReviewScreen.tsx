import { useState } from "react";
import type { Checklist } from "../../domain/checklist";
import { OUTCOMES } from "../../domain/outcome";
import { signingGaps } from "../../domain/signingGaps";
import { normalizeTimeOfDay } from "../../domain/normalizeTimeOfDay";
import { SignaturePad } from "../components/SignaturePad";
import { DateInput } from "../components/DateInput";
import { TextField } from "../components/TextField";
import { finalizeInspection } from "../db/finalizeInspection";
import { inspectionGaps } from "../db/inspectionGaps";
import { reopenInspection } from "../db/reopenInspection";
import type { Session } from "../db/Session";
import type { InspectionData } from "../hooks/useInspectionData";
import { formatDate } from "../i18n/formatDate";
import { formatNumber } from "../i18n/formatNumber";
import { useT } from "../i18n/useT";
import { runSave } from "../save/runSave";
import { useEdit } from "../save/useEdit";
import { useDb } from "../shell/DbContext";
import { ExportButtons } from "./ExportButtons";
import { InspectionDetails } from "./InspectionDetails";
import { IssuerWarning } from "./IssuerWarning";

interface Props {
  data: InspectionData;
  checklist: Checklist;
  locked: boolean;
  session: Session | null;
}

/** Counts per section, the completeness check, the two signatories, finalize (team lead) and export. */
export function ReviewScreen({ data, checklist, locked, session }: Props) {
  const t = useT();
  const db = useDb();
  const edit = useEdit();
  const [confirming, setConfirming] = useState(false);
  const insp = data.inspection!;
  const id = insp.id;
  const results = [...data.results.values()];
  const gaps = inspectionGaps(checklist, results);
  const signing = signingGaps(insp);
  const gapCount = gaps.unanswered.length + gaps.naWithoutReason.length + gaps.nonconformWithoutSeverity.length + signing.length;
  const canSign = session?.user.role !== "inspector";
  const set = (field: string, value: unknown) => void edit([{ entity: "inspection", rowId: id, field, value }]);

  const finalize = () =>
    void runSave(() =>
      finalizeInspection(db, id, { signedOn: insp.signedOn ?? null, recordNumber: insp.recordNumber ?? "" }, { checklist }),
    ).then(() => setConfirming(false));

  return (
    <div>
      <h2>{t("countsBySection")}</h2>
      <table data-testid="section-counts">
        <thead>
          <tr>
            <th>{t("section")}</th>
            {OUTCOMES.map((o) => (
              <th key={o} className="num">
                {t(`outcome_${o}`)}
              </th>
            ))}
            <th className="num">{t("unanswered")}</th>
          </tr>
        </thead>
        <tbody>
          {checklist.sections
            .filter((s) => s.scored)
            .map((s) => {
              const codes = s.items.flatMap((i) => i.criteria.map((c) => c.code));
              const count = (o: string | null) => codes.filter((c) => (data.results.get(c)?.outcome ?? null) === o).length;
              return (
                <tr key={s.code} data-section={s.code}>
                  <td>
                    {s.code}. {s.title}
                  </td>
                  {OUTCOMES.map((o) => (
                    <td key={o} className="num" data-outcome={o}>
                      {formatNumber(count(o))}
                    </td>
                  ))}
                  <td className="num" data-outcome="none">
                    {formatNumber(count(null))}
                  </td>
                </tr>
              );
            })}
        </tbody>
      </table>
      {gapCount > 0 && (
        <div className="banner warn" data-testid="gaps">
          <strong>{t("incompleteList")}</strong>
          <ul className="gap-links">
            {gaps.unanswered.map((c) => (
              <li key={c}>
                <a href={`#/i/${id}/score?c=${encodeURIComponent(c)}`}>{t("missingOutcome", { code: c })}</a>
              </li>
            ))}
            {gaps.naWithoutReason.map((c) => (
              <li key={c}>
                <a href={`#/i/${id}/score?c=${encodeURIComponent(c)}`}>{t("missingNaReason", { code: c })}</a>
              </li>
            ))}
            {gaps.nonconformWithoutSeverity.map((c) => (
              <li key={c}>
                <a href={`#/i/${id}/score?c=${encodeURIComponent(c)}`}>{t("missingSeverity", { code: c })}</a>
              </li>
            ))}
            {signing.map((g) => (
              <li key={g} data-gap={g}>
                {t(`signingGap_${g}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <InspectionDetails inspection={insp} locked={locked} />
      <h2>{t("signatories")}</h2>
      <div className="grid2">
        <TextField label={t("leadName")} value={insp.leadName ?? ""} disabled={locked} onCommit={(v) => set("leadName", v.normalize("NFC"))} testId="review-lead" />
        <TextField label={t("agencyRepresentative")} value={insp.agencyRepresentative ?? ""} disabled={locked} onCommit={(v) => set("agencyRepresentative", v.normalize("NFC"))} testId="review-agency-rep" />
        <TextField label={t("recordNumber")} value={insp.recordNumber ?? ""} disabled={locked} onCommit={(v) => set("recordNumber", v.normalize("NFC"))} testId="record-number" />
        <DateInput label={t("signedOn")} value={insp.signedOn ?? null} disabled={locked} onChange={(v) => set("signedOn", v)} min={{ iso: insp.startedOn, message: t("signedBeforeStart", { date: formatDate(insp.startedOn) }) }} testId="signed-on" />
      </div>
      {insp.mode !== "desk" && (
        <div className="card" data-testid="record-content">
          <h2>{t("recordContent")}</h2>
          <div className="grid2">
            <TimeField label={t("startTime")} value={insp.startTime ?? ""} disabled={locked} onSave={(v) => set("startTime", v)} testId="start-time" />
            <TimeField label={t("endTime")} value={insp.endTime ?? ""} disabled={locked} onSave={(v) => set("endTime", v)} testId="end-time" />
          </div>
          <TextField label={t("conclusion")} multiline value={insp.conclusion ?? ""} disabled={locked} onCommit={(v) => set("conclusion", v.normalize("NFC"))} testId="conclusion" />
          <TextField label={t("recommendations")} multiline value={insp.recommendations ?? ""} disabled={locked} onCommit={(v) => set("recommendations", v.normalize("NFC"))} testId="recommendations" />
        </div>
      )}
      <TextField label={t("agencyComments")} multiline value={insp.agencyComments ?? ""} disabled={locked} onCommit={(v) => set("agencyComments", v.normalize("NFC"))} testId="agency-comments" />
      <div className="grid2">
        <SignaturePad label={`${t("drawSignature")}: ${t("leadName")}`} value={insp.leadSignature ?? null} disabled={locked} onSave={(v) => set("leadSignature", v)} testId="lead-signature" />
        <SignaturePad label={`${t("drawSignature")}: ${t("agencyRepresentative")}`} value={insp.agencySignature ?? null} disabled={locked} onSave={(v) => set("agencySignature", v)} testId="agency-signature" />
      </div>
      <div className="row" style={{ marginTop: 16 }}>
        {!canSign && <p className="banner info">{t("leadOnly")}</p>}
        {canSign && !locked && !confirming && (
          <button type="button" className="primary" disabled={gapCount > 0} onClick={() => setConfirming(true)} data-testid="finalize">
            {t("finalize")}
          </button>
        )}
        {confirming && !locked && (
          <div className="banner warn" role="alertdialog">
            <p>{t("finalizeConfirm")}</p>
            <button type="button" className="primary" onClick={finalize} data-testid="finalize-confirm">
              {t("finalize")}
            </button>{" "}
            <button type="button" onClick={() => setConfirming(false)}>
              {t("cancel")}
            </button>
          </div>
        )}
        {canSign && locked && (
          <button type="button" onClick={() => void runSave(() => reopenInspection(db, id))} data-testid="reopen">
            {t("reopen")}
          </button>
        )}
      </div>
      <IssuerWarning province={insp.province} frozen={!!insp.issuer} />
      <ExportButtons inspectionId={id} checklist={checklist} mode={insp.mode} />
    </div>
  );
}

/** "8:30", "8h30", "0830" are saved as "08:30"; anything else is not saved and says how to type it. */
function TimeField({ label, value, disabled, onSave, testId }: { label: string; value: string; disabled: boolean; onSave: (v: string) => void; testId: string }) {
  const t = useT();
  const [bad, setBad] = useState(false);
  return (
    <div>
      <TextField
        label={label}
        value={value}
        disabled={disabled}
        testId={testId}
        onCommit={(v) => {
          const n = normalizeTimeOfDay(v);
          setBad(n === null);
          if (n !== null) onSave(n);
        }}
      />
      {bad && (
        <p className="banner error" role="alert" data-testid={`${testId}-error`}>
          {t("timeFormat")}
        </p>
      )}
    </div>
  );
}
