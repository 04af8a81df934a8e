import type { EntityName } from "../../domain/entities";
import { resolveConflict } from "../db/resolveConflict";
import type { AnyRow } from "../db/rowTypes";
import type { InspectionData } from "../hooks/useInspectionData";
import { useT } from "../i18n/useT";
import { runSave } from "../save/runSave";
import { useDb } from "../shell/DbContext";

function show(v: unknown): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "string") return v.startsWith("data:image/") ? "(chữ ký)" : v;
  return JSON.stringify(v);
}

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
            {String(row.criterionCode ?? entity)} · {field}
          </h3>
          <div className="row">
            <span style={{ flex: 1 }}>
              {t("currentValue")}: <strong>{show(row[field])}</strong>
            </span>
            <button type="button" onClick={() => void runSave(() => resolveConflict(db, entity, row.id, field, row[field]))}>
              {t("keepThis")}
            </button>
          </div>
          {list.map((c) => (
            <div key={c.changeId} className="row">
              <span style={{ flex: 1 }}>
                {t("otherValue", { user: c.user, device: c.device })}: <strong>{show(c.value)}</strong>
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
