import type { EntityName } from "../../domain/entities";
import { OUTCOMES, type Outcome } from "../../domain/outcome";
import { resolveConflict } from "../db/resolveConflict";
import type { AnyRow } from "../db/rowTypes";
import type { InspectionData } from "../hooks/useInspectionData";
import { formatDate } from "../i18n/formatDate";
import type { DictKey } from "../i18n/dict";
import { useT } from "../i18n/useT";
import { runSave } from "../save/runSave";
import { useDb } from "../shell/DbContext";

const FIELD_KEYS: Partial<Record<string, DictKey>> = {
  outcome: "outcomeField", severity: "severity", note: "note", naReason: "naReason", evidence: "evidenceSeen", documents: "documents",
  caption: "caption", kind: "kind", text: "findingText", description: "actionDescription", owner: "actionOwner", dueOn: "dueOn",
  status: "status", decisionRef: "decisionRef", decisionDate: "decisionDate", startedOn: "startedOn", place: "place",
  leadName: "leadName", agencyRepresentative: "agencyRepresentative", members: "teamMembers", agencyMembers: "agencyMembers",
  recordNumber: "recordNumber", signedOn: "signedOn", agencyComments: "agencyComments", leadSignature: "signature",
  agencySignature: "signature", deleted: "removed", mode: "mode",
};
const ENTITY_KEYS: Partial<Record<EntityName, DictKey>> = {
  inspection: "entity_inspection", finding: "entity_finding", action: "entity_action", attachment: "entity_attachment",
};

/** A conflicting value in the user's words: outcome and severity labels, dd/mm/yyyy dates, names rather than JSON. */
function show(t: Translate, field: string, v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "boolean") return t(v ? "yes" : "no");
  if (field === "outcome" && (OUTCOMES as readonly unknown[]).includes(v)) return t(`outcome_${v as Outcome}`);
  if (field === "severity" && (v === "major" || v === "minor")) return t(`severity_${v}`);
  if (field === "kind" && v === "nonconformity") return t("kindNonconformity");
  if (field === "kind" && v === "observation") return t("kindObservation");
  if (field === "mode" && (v === "onsite" || v === "desk")) return t(v === "onsite" ? "modeOnsite" : "modeDesk");
  if (typeof v === "string") {
    if (v.startsWith("data:image/")) return `(${t("signature")})`;
    return /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : v;
  }
  if (Array.isArray(v))
    return v
      .map((x: unknown) => {
        if (typeof x === "string") return x;
        const o = x as { name?: string; role?: string; number?: string; date?: string | null };
        if (o.name !== undefined) return o.role ? `${o.name} (${o.role})` : o.name;
        if (o.number !== undefined) return o.date ? `${o.number}, ${formatDate(o.date)}` : o.number;
        return JSON.stringify(x);
      })
      .join("; ");
  return JSON.stringify(v);
}

type Translate = ReturnType<typeof useT>;

/** Values two tablets wrote concurrently, kept side by side until the team lead chooses one. */
export function ConflictsScreen({ data }: { data: InspectionData }) {
  const t = useT();
  const db = useDb();
  const rows: [EntityName, AnyRow][] = [
    ["inspection", data.inspection as AnyRow],
    ...[...data.results.values()].map((r) => ["result", r as AnyRow] as [EntityName, AnyRow]),
    ...data.findings.map((r) => ["finding", r as AnyRow] as [EntityName, AnyRow]),
    ...data.actions.map((r) => ["action", r as AnyRow] as [EntityName, AnyRow]),
    ...data.attachments.map((r) => ["attachment", r as AnyRow] as [EntityName, AnyRow]),
  ];
  const items = rows.flatMap(([entity, row]) =>
    Object.entries(row._conflicts ?? {})
      .filter(([, list]) => list.length > 0)
      .map(([field, list]) => ({ entity, row, field, list })),
  );
  if (items.length === 0) return <p data-testid="no-conflicts">{t("noConflicts")}</p>;
  return (
    <div>
      <h2>{t("conflicts")}</h2>
      {items.map(({ entity, row, field, list }) => (
        <section key={`${row.id}|${field}`} className="card" data-testid="conflict" data-entity={entity} data-field={field}>
          <h3>
            {typeof row.criterionCode === "string" ? row.criterionCode : ENTITY_KEYS[entity] ? t(ENTITY_KEYS[entity]) : entity} ·{" "}
            {FIELD_KEYS[field] ? t(FIELD_KEYS[field]) : field}
          </h3>
          <div className="row">
            <span style={{ flex: 1 }}>
              {t("currentValue")}: <strong>{show(t, field, row[field])}</strong>
            </span>
            <button type="button" onClick={() => void runSave(() => resolveConflict(db, entity, row.id, field, row[field]))}>
              {t("keepThis")}
            </button>
          </div>
          {list.map((c) => (
            <div key={c.changeId} className="row">
              <span style={{ flex: 1 }}>
                {t("otherValue", { user: c.user, device: c.device })}: <strong>{show(t, field, c.value)}</strong>
              </span>
              <button type="button" onClick={() => void runSave(() => resolveConflict(db, entity, row.id, field, c.value))} data-testid="keep-other">
                {t("keepThis")}
              </button>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
