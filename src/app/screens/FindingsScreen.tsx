import type { Checklist } from "../../domain/checklist";
import { addAction } from "../db/addAction";
import { newId } from "../db/newId";
import { proposeFindings } from "../db/proposeFindings";
import type { InspectionData } from "../hooks/useInspectionData";
import { useT } from "../i18n/useT";
import { runSave } from "../save/runSave";
import { useEdit } from "../save/useEdit";
import { useDb } from "../shell/DbContext";
import type { FindingRow } from "../db/rowTypes";
import { criteriaOf } from "./criteriaOf";
import { FindingCard } from "./FindingCard";

interface Props {
  data: InspectionData;
  checklist: Checklist;
  locked: boolean;
}

/** Findings proposed from Không đạt / Đạt một phần and editable, each with its corrective actions. */
export function FindingsScreen({ data, checklist, locked }: Props) {
  const t = useT();
  const db = useDb();
  const edit = useEdit();
  const id = data.inspection!.id;
  // Proposed findings in checklist order, then those added by hand in the order they were added (their ids are
  // time-ordered), whatever criterion they name.
  const criteria = criteriaOf(checklist).map((c) => c.criterion.code);
  const rank = (code: string | null | undefined) => (code && criteria.includes(code) ? criteria.indexOf(code) : criteria.length);
  const byHand = (f: FindingRow) => !f.id.startsWith(`${id}/finding/`);
  const findings = [...data.findings].sort(
    (a, b) => Number(byHand(a)) - Number(byHand(b)) || (byHand(a) ? 0 : rank(a.criterionCode) - rank(b.criterionCode)) || a.id.localeCompare(b.id),
  );

  const addFinding = () => {
    const fid = newId();
    const values: Record<string, unknown> = { inspectionId: id, criterionCode: null, kind: "observation", severity: null, text: "", deleted: false };
    void edit(Object.entries(values).map(([field, value]) => ({ entity: "finding" as const, rowId: fid, field, value })));
  };

  return (
    <div>
      <h2>{t("findings")}</h2>
      {!locked && (
        <div className="row">
          <button type="button" className="primary" onClick={() => void runSave(() => proposeFindings(db, id, { checklist }))} data-testid="propose-findings">
            {t("proposeFindings")}
          </button>
          <button type="button" onClick={addFinding} data-testid="add-finding">
            {t("addFinding")}
          </button>
        </div>
      )}
      {findings.length === 0 && <p className="muted">{t("noFindings")}</p>}
      {findings.map((f) => (
        <FindingCard
          key={f.id}
          finding={f}
          actions={data.actions.filter((a) => a.findingId === f.id)}
          locked={locked}
          criteria={byHand(f) ? criteria : undefined}
          onAddAction={() => void runSave(() => addAction(db, { findingId: f.id, inspectionId: id, description: "", owner: "" }))}
        />
      ))}
    </div>
  );
}
