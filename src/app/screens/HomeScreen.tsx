import { useLiveQuery } from "dexie-react-hooks";
import { checklistRowId } from "../../domain/checklistRecord";
import type { InspectionRow } from "../db/rowTypes";
import type { Session } from "../db/Session";
import { inspectionSyncStates, unsentWork } from "../db/unsentWork";
import { StoragePanel } from "../components/StoragePanel";
import { formatDate } from "../i18n/formatDate";
import { formatNumber } from "../i18n/formatNumber";
import { useT } from "../i18n/useT";
import { navigate } from "../router/navigate";
import { useDb } from "../shell/DbContext";
import { criteriaOf } from "./criteriaOf";

/** Assignments from the plan for my team, drafts in progress, finalized inspections, storage state. */
export function HomeScreen({ session }: { session: Session | null }) {
  const t = useT();
  const db = useDb();
  const data = useLiveQuery(async () => {
    const [inspections, plans, agencies, unsent] = await Promise.all([db.inspections.toArray(), db.plans.toArray(), db.agencies.toArray(), unsentWork(db)]);
    const syncState = await inspectionSyncStates(db, unsent, inspections.map((i) => i.id));
    // Progress: criteria answered of the pinned checklist version's scored criteria (the version is kept on the tablet).
    const progress = new Map<string, { done: number; total: number }>();
    for (const i of inspections) {
      const doc = i.checklistId && i.checklistVersion ? (await db.checklists.get(checklistRowId(i.checklistId, i.checklistVersion)))?.document : undefined;
      if (!doc) continue;
      const codes = new Set(criteriaOf(doc).map((c) => c.criterion.code));
      const results = await db.results.where("inspectionId").equals(i.id).toArray();
      progress.set(i.id, { done: results.filter((r) => r.outcome && codes.has(r.criterionCode ?? "")).length, total: codes.size });
    }
    return { inspections, plans, agencyName: new Map(agencies.map((a) => [a.id, a.name ?? a.id])), syncState, progress };
  }, [db]);
  if (!data) return <p>{t("loading")}</p>;
  const { inspections, plans, agencyName, syncState, progress } = data;
  const team = session?.user.team ?? null;
  const started = new Set(inspections.map((i) => `${i.agencyId}|${i.planId ?? ""}`));
  const assigned = plans.flatMap((p) =>
    (p.entries ?? [])
      .filter((e) => team === null || e.teamId === team)
      .filter((e) => !started.has(`${e.agencyId}|${p.id}`))
      .map((e) => ({ plan: p, entry: e })),
  );
  const byDate = (a: InspectionRow, b: InspectionRow) => (b.startedOn ?? "").localeCompare(a.startedOn ?? "");
  const drafts = inspections.filter((i) => i.status !== "finalized").sort(byDate);
  const finalized = inspections.filter((i) => i.status === "finalized").sort(byDate);
  const item = (i: InspectionRow) => (
    <li key={i.id} className="card row" data-testid="inspection-item" data-inspection={i.id}>
      <span style={{ flex: 1 }}>
        <strong>{agencyName.get(i.agencyId ?? "") ?? i.agencyId}</strong>
        <br />
        <span className="muted">
          {formatDate(i.startedOn)} · {i.mode === "desk" ? t("modeDesk") : t("modeOnsite")} · {i.decisionRef}
        </span>
        <br />
        {progress.has(i.id) && (
          <span data-testid="inspection-progress">
            {t("criteriaProgress", { done: formatNumber(progress.get(i.id)!.done), total: formatNumber(progress.get(i.id)!.total) })}
          </span>
        )}{" "}
        <span className={`sync-badge ${syncState.get(i.id) ?? "local"}`} data-testid="sync-badge" data-state={syncState.get(i.id) ?? "local"}>
          {t(`syncBadge_${syncState.get(i.id) ?? "local"}`)}
        </span>
      </span>
      <button type="button" onClick={() => navigate(`/i/${i.id}/score`)}>
        {t("open")}
      </button>
    </li>
  );
  return (
    <div>
      <div className="row">
        <h1 style={{ flex: 1 }}>{t("home")}</h1>
        <button type="button" className="primary" onClick={() => navigate("/agencies")} data-testid="new-inspection">
          {t("newInspection")}
        </button>
      </div>
      <section aria-label={t("assigned")}>
        <h2>{t("assigned")}</h2>
        {assigned.length === 0 ? (
          <p className="muted">{t("noneYet")}</p>
        ) : (
          <ul className="plain">
            {assigned.map(({ plan, entry }) => (
              <li key={`${plan.id}|${entry.agencyId}`} className="card row" data-testid="assigned-item">
                <span style={{ flex: 1 }}>
                  <strong>{agencyName.get(entry.agencyId) ?? entry.agencyId}</strong>
                  <br />
                  <span className="muted">
                    {entry.mode === "desk" ? t("modeDesk") : t("modeOnsite")} · {String(entry.month).padStart(2, "0")}/{plan.year}
                  </span>
                </span>
                <button type="button" onClick={() => navigate("/start", { agency: entry.agencyId, mode: entry.mode, plan: plan.id })}>
                  {t("startThis")}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label={t("drafts")}>
        <h2>{t("drafts")}</h2>
        {drafts.length === 0 ? <p className="muted">{t("noneYet")}</p> : <ul className="plain">{drafts.map(item)}</ul>}
      </section>
      <section aria-label={t("finalized")}>
        <h2>{t("finalized")}</h2>
        {finalized.length === 0 ? <p className="muted">{t("noneYet")}</p> : <ul className="plain">{finalized.map(item)}</ul>}
      </section>
      <StoragePanel />
    </div>
  );
}
