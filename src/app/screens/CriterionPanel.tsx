import { OUTCOMES, type Outcome, type Severity } from "../../domain/outcome";
import { resultId, type DocumentRef } from "../../domain/result";
import { DocumentsEditor } from "../components/DocumentsEditor";
import { PhotoPicker } from "../components/PhotoPicker";
import { TextField } from "../components/TextField";
import type { AttachmentRow, ResultRow } from "../db/rowTypes";
import { scoreCriterion, type ScoreInput } from "../db/scoreCriterion";
import { useT } from "../i18n/useT";
import { runSave } from "../save/runSave";
import { useDb } from "../shell/DbContext";
import type { CriterionRef } from "./criteriaOf";

interface Props {
  inspectionId: string;
  at: CriterionRef;
  result: ResultRow | undefined;
  attachments: AttachmentRow[];
  locked: boolean;
  /** The outcomes this checklist uses (all five when it does not say). */
  outcomes?: readonly Outcome[];
  /** Told an outcome once it is saved (the scoring screen may then move on by itself). */
  onScored?: (outcome: Outcome) => void;
}

/** One criterion: its activities and expected evidence, one-tap outcome, severity, note, evidence seen, documents, photos. */
export function CriterionPanel({ inspectionId, at, result, attachments, locked, outcomes = OUTCOMES, onScored }: Props) {
  const t = useT();
  const db = useDb();
  const { criterion, item, section } = at;
  const rowId = resultId(inspectionId, criterion.code);
  const photos = attachments.filter((a) => a.ownerId === rowId);

  // One write path: the data layer's scoreCriterion applies its rules (a severity left from before is cleared)
  // to the stored row, not to what this screen last rendered.
  type Fields = Omit<ScoreInput, "inspectionId" | "criterionCode">;
  const save = (fields: Fields) => runSave(() => scoreCriterion(db, { inspectionId, criterionCode: criterion.code, ...fields }));
  const setOutcome = (o: Outcome) => save({ outcome: o }).then((ok) => ok && onScored?.(o));
  // What a text field still in its typing pause would write (mirrored, so a reload or a crash loses none of it).
  const mirrorOf = (field: "note" | "naReason") => (draft: string) => [
    ...(result?.inspectionId ? [] : [{ entity: "result" as const, rowId, field: "inspectionId", value: inspectionId }]),
    ...(result?.criterionCode ? [] : [{ entity: "result" as const, rowId, field: "criterionCode", value: criterion.code }]),
    { entity: "result" as const, rowId, field, value: draft.normalize("NFC") },
  ];
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
      {/* the law's words for Không đạt, under the buttons (outside them, so "Không đạt" stays the button's name) */}
      {outcomes.includes("nonconform") && (
        <p className="muted" data-testid="nonconform-meaning">
          {t("outcome_nonconform")}: {t("outcomeNonconformMeaning")}
        </p>
      )}
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
      {result?.outcome === "na" && <TextField label={t("naReason")} value={result.naReason ?? ""} disabled={locked} onCommit={(v) => save({ naReason: v.normalize("NFC") })} mirror={mirrorOf("naReason")} testId="na-reason" />}
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
      <TextField label={t("note")} multiline value={result?.note ?? ""} disabled={locked} onCommit={(v) => save({ note: v.normalize("NFC") })} mirror={mirrorOf("note")} testId="criterion-note" />
      <DocumentsEditor documents={result?.documents ?? []} disabled={locked} onChange={(docs: DocumentRef[]) => void save({ documents: docs })} />
      <PhotoPicker inspectionId={inspectionId} ownerId={rowId} photos={photos} disabled={locked} />
    </article>
  );
}
