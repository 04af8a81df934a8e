import { DateInput } from "../components/DateInput";
import { PeopleField } from "../components/PeopleField";
import { TextField } from "../components/TextField";
import type { InspectionRow } from "../db/rowTypes";
import { formatDate } from "../i18n/formatDate";
import { useT } from "../i18n/useT";
import { useEdit } from "../save/useEdit";

interface Props {
  inspection: InspectionRow;
  locked: boolean;
}

/**
 * What was set when the inspection started and often changes on site (the agency's representatives arrive, a member
 * is absent, the decision number is corrected), editable until the record is signed.
 */
export function InspectionDetails({ inspection: insp, locked }: Props) {
  const t = useT();
  const edit = useEdit();
  const one = (field: string, value: unknown) => [{ entity: "inspection" as const, rowId: insp.id, field, value }];
  const set = (field: string, value: unknown) => edit(one(field, value));
  return (
    <details className="card" open data-testid="inspection-details">
      <summary>
        <strong>{t("inspectionDetails")}</strong>
      </summary>
      <div className="grid2">
        <TextField label={t("decisionRef")} value={insp.decisionRef ?? ""} disabled={locked} onCommit={(v) => set("decisionRef", v.trim().normalize("NFC"))} mirror={(v) => one("decisionRef", v.trim().normalize("NFC"))} testId="details-decision-ref" />
        <DateInput label={t("decisionDate")} value={insp.decisionDate ?? null} disabled={locked} onChange={(v) => void set("decisionDate", v)}
          max={{ iso: insp.startedOn, message: t("decisionAfterStart", { date: formatDate(insp.startedOn) }) }}
          testId="details-decision-date"
        />
        <TextField label={t("decisionIssuer")} value={insp.decisionIssuer ?? ""} disabled={locked} onCommit={(v) => set("decisionIssuer", v.trim().normalize("NFC"))} testId="details-decision-issuer" />
        <TextField label={t("decisionSubject")} value={insp.decisionSubject ?? ""} disabled={locked} onCommit={(v) => set("decisionSubject", v.trim().normalize("NFC"))} testId="details-decision-subject" />
        <TextField label={t("place")} value={insp.place ?? ""} disabled={locked} onCommit={(v) => set("place", v.trim().normalize("NFC"))} mirror={(v) => one("place", v.trim().normalize("NFC"))} testId="details-place" />
      </div>
      <PeopleField legend={t("teamMembers")} value={insp.members ?? []} disabled={locked} onCommit={(v) => void set("members", v)} testId="details-members" />
      <PeopleField legend={t("agencyMembers")} value={insp.agencyMembers ?? []} disabled={locked} onCommit={(v) => void set("agencyMembers", v)} testId="details-agency-members" />
    </details>
  );
}
