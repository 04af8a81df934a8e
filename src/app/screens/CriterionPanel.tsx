import { OUTCOMES, type Outcome, type Severity } from "../../domain/outcome";
import { resultId, type DocumentRef } from "../../domain/result";
import { DocumentsEditor } from "../components/DocumentsEditor";
import { PhotoPicker } from "../components/PhotoPicker";
import { TextField } from "../components/TextField";
import type { Edit } from "../db/Edit";
import type { AttachmentRow, ResultRow } from "../db/rowTypes";
import { useT } from "../i18n/useT";
import { useEdit } from "../save/useEdit";
import type { CriterionRef } from "./criteriaOf";

interface Props {
  inspectionId: string;
  at: CriterionRef;
  result: ResultRow | undefined;
  attachments: AttachmentRow[];
  locked: boolean;
  /** The outcomes this checklist uses (all five when it does not say). */
  outcomes?: readonly Outcome[];
}

/** One criterion: its activities and expected evidence, one-tap outcome, severity, note, evidence seen, documents, photos. */
export function CriterionPanel({ inspectionId, at, result, attachments, locked, outcomes = OUTCOMES }: Props) {
  const t = useT();
  const edit = useEdit();
  const { criterion, item, section } = at;
  const rowId = resultId(inspectionId, criterion.code);
  const photos = attachments.filter((a) => a.ownerId === rowId);

  const save = (fields: Record<string, unknown>) => {
    const edits: Edit[] = [];
    // The first write of a result also records what it belongs to.
    if (!result?.inspectionId) edits.push({ entity: "result", rowId, field: "inspectionId", value: inspectionId });
    if (!result?.criterionCode) edits.push({ entity: "result", rowId, field: "criterionCode", value: criterion.code });
    for (const [field, value] of Object.entries(fields)) edits.push({ entity: "result", rowId, field, value });
    return edit(edits);
  };
  const setOutcome = (o: Outcome) => {
    const fields: Record<string, unknown> = { outcome: o };
    if (o !== "nonconform" && result?.severity) fields.severity = null;
    return save(fields);
  };
  const seen = new Set(result?.evidence ?? []);
  const toggleEvidence = (e: string) => {
    const next = new Set(seen);
    if (next.has(e)) next.delete(e);
    else next.add(e);
    void save({ evidence: criterion.evidence.filter((x) => next.has(x)) });
  };

  return (
    <article aria-label={criterion.code} data-testid="criterion-panel" data-code={criterion.code}>
      <p className="muted">
        {section.code}. {section.title} › {item.code} {item.title}
      </p>
      <h2>{criterion.code}</h2>
      {criterion.activities.length > 0 && (
        <>
          <h3>{t("activities")}</h3>
          <ul>
            {criterion.activities.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ul>
        </>
      )}
      <div className="outcomes" role="group" aria-label={t("scoring")}>
        {outcomes.map((o) => (
          <button key={o} type="button" data-outcome={o} aria-pressed={result?.outcome === o} disabled={locked} onClick={() => void setOutcome(o)}>
            {t(`outcome_${o}`)}
          </button>
        ))}
      </div>
      {result?.outcome === "nonconform" && (
        <div className="row" role="group" aria-label={t("severity")}>
          <strong>{t("severity")}:</strong>
          {(["major", "minor"] as Severity[]).map((s) => (
            <button key={s} type="button" aria-pressed={result.severity === s} className={result.severity === s ? "primary" : ""} disabled={locked} onClick={() => void save({ severity: s })}>
              {t(`severity_${s}`)}
            </button>
          ))}
        </div>
      )}
      {result?.outcome === "na" && <TextField label={t("naReason")} value={result.naReason ?? ""} disabled={locked} onCommit={(v) => void save({ naReason: v.normalize("NFC") })} testId="na-reason" />}
      {criterion.evidence.length > 0 && (
        <fieldset className="card" disabled={locked}>
          <legend>
            <strong>{t("expectedEvidence")}</strong>
          </legend>
          {criterion.evidence.map((e, i) => (
            <label key={i} className="check">
              <input type="checkbox" checked={seen.has(e)} onChange={() => toggleEvidence(e)} data-testid={`evidence-${i}`} />
              {e}
            </label>
          ))}
        </fieldset>
      )}
      <TextField label={t("note")} multiline value={result?.note ?? ""} disabled={locked} onCommit={(v) => void save({ note: v.normalize("NFC") })} testId="criterion-note" />
      <DocumentsEditor documents={result?.documents ?? []} disabled={locked} onChange={(docs: DocumentRef[]) => void save({ documents: docs })} />
      <PhotoPicker inspectionId={inspectionId} ownerId={rowId} photos={photos} disabled={locked} />
    </article>
  );
}
