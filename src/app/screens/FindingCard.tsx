import { ActionStatusSchema } from "../../domain/action";
import { ConfirmRemove } from "../components/ConfirmRemove";
import { DateInput } from "../components/DateInput";
import { TextField } from "../components/TextField";
import type { ActionRow, FindingRow } from "../db/rowTypes";
import { useT } from "../i18n/useT";
import { useEdit } from "../save/useEdit";

interface Props {
  finding: FindingRow;
  actions: ActionRow[];
  locked: boolean;
  onAddAction: () => void;
  /** For a finding added by hand: the criteria it can be tied to (a proposed one keeps its own). */
  criteria?: readonly string[];
}

/** One finding (kind, severity, text) and its corrective actions (description, responsible, due date, status). */
export function FindingCard({ finding, actions, locked, onAddAction, criteria }: Props) {
  const t = useT();
  const edit = useEdit();
  const fEdit = (field: string, value: unknown) => [{ entity: "finding" as const, rowId: finding.id, field, value }];
  const aEdit = (a: ActionRow, field: string, value: unknown) => [{ entity: "action" as const, rowId: a.id, field, value }];
  const setF = (field: string, value: unknown) => edit(fEdit(field, value));
  const setA = (a: ActionRow, field: string, value: unknown) => edit(aEdit(a, field, value));
  // Removing a finding removes its actions with it, in one write, so no action is left without its finding.
  const removeFinding = () =>
    void edit([
      { entity: "finding", rowId: finding.id, field: "deleted", value: true },
      ...actions.map((a) => ({ entity: "action" as const, rowId: a.id, field: "deleted", value: true })),
    ]);
  const kindValue = finding.kind === "observation" ? "observation" : `nonconformity:${finding.severity ?? "minor"}`;
  return (
    <section className="card" data-testid="finding" data-criterion={finding.criterionCode ?? ""}>
      <h3>{finding.criterionCode ?? "—"}</h3>
      <fieldset disabled={locked} style={{ border: 0, padding: 0, margin: 0 }}>
        <label>
          {t("kind")}
          <select
            value={kindValue}
            data-testid="finding-kind"
            onChange={(e) => {
              const [kind, severity] = e.target.value.split(":");
              void edit([
                { entity: "finding", rowId: finding.id, field: "kind", value: kind },
                { entity: "finding", rowId: finding.id, field: "severity", value: severity ?? null },
              ]);
            }}
          >
            <option value="nonconformity:major">
              {t("kindNonconformity")} ({t("severity_major")})
            </option>
            <option value="nonconformity:minor">
              {t("kindNonconformity")} ({t("severity_minor")})
            </option>
            <option value="observation">{t("kindObservation")}</option>
          </select>
        </label>
        {criteria && (
          <label>
            {t("findingCriterion")}
            <select value={finding.criterionCode ?? ""} data-testid="finding-criterion" onChange={(e) => void setF("criterionCode", e.target.value || null)}>
              <option value="">{t("findingNoCriterion")}</option>
              {criteria.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        )}
        <TextField label={t("findingText")} multiline value={finding.text ?? ""} disabled={locked} onCommit={(v) => setF("text", v.normalize("NFC"))} mirror={(v) => fEdit("text", v.normalize("NFC"))} testId="finding-text" />
        {!locked && <ConfirmRemove label={t("remove")} question={t("removeFindingConfirm")} onConfirm={removeFinding} testId="finding-remove" />}
      </fieldset>
      <h3>{t("actions")}</h3>
      <p className="muted">{t("dueHint")}</p>
      {actions.map((a) => (
        <div key={a.id} className="card" data-testid="action">
          <TextField label={t("actionDescription")} multiline value={a.description ?? ""} onCommit={(v) => setA(a, "description", v.normalize("NFC"))} mirror={(v) => aEdit(a, "description", v.normalize("NFC"))} testId="action-description" />
          <div className="grid2">
            <TextField label={t("actionOwner")} value={a.owner ?? ""} onCommit={(v) => setA(a, "owner", v.normalize("NFC"))} mirror={(v) => aEdit(a, "owner", v.normalize("NFC"))} testId="action-owner" />
            <DateInput label={t("dueOn")} value={a.dueOn ?? null} onChange={(v) => void setA(a, "dueOn", v)} testId="action-due" />
            <label>
              {t("status")}
              <select value={a.status ?? "open"} onChange={(e) => void setA(a, "status", e.target.value)} data-testid="action-status">
                {ActionStatusSchema.options.map((s) => (
                  <option key={s} value={s}>
                    {t(`actionStatus_${s}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <ConfirmRemove label={t("removeAction")} question={t("removeActionConfirm")} onConfirm={() => void setA(a, "deleted", true)} testId="action-remove" />
        </div>
      ))}
      <button type="button" onClick={onAddAction} data-testid="add-action">
        + {t("addAction")}
      </button>
    </section>
  );
}
