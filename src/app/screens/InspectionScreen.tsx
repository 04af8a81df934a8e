import type { Session } from "../db/Session";
import { useChecklist } from "../hooks/useChecklist";
import { useInspectionData } from "../hooks/useInspectionData";
import { useT } from "../i18n/useT";
import { formatDate } from "../i18n/formatDate";
import { ConflictsScreen } from "./ConflictsScreen";
import { FindingsScreen } from "./FindingsScreen";
import { ReviewScreen } from "./ReviewScreen";
import { ScoringScreen } from "./ScoringScreen";

interface Props {
  id: string;
  tab: string;
  query: Record<string, string>;
  session: Session | null;
}

const TABS = [
  ["score", "scoring"],
  ["findings", "findings"],
  ["review", "review"],
  ["conflicts", "conflicts"],
] as const;

/** One inspection: tabs for scoring, findings and actions, review and finalize, conflicts. */
export function InspectionScreen({ id, tab, query, session }: Props) {
  const t = useT();
  const data = useInspectionData(id);
  const checklist = useChecklist(data?.inspection?.checklistId, data?.inspection?.checklistVersion);
  if (!data || checklist === undefined) return <p>{t("loading")}</p>;
  const { inspection } = data;
  if (!inspection) return <p className="banner error">{t("noneYet")}</p>;
  const locked = inspection.status === "finalized";
  const rows = [inspection, ...data.results.values(), ...data.findings, ...data.actions, ...data.attachments];
  const conflicts = rows.reduce((n, r) => n + Object.values(r._conflicts ?? {}).filter((l) => l.length > 0).length, 0);
  return (
    <div>
      <h1>
        {data.agency?.name ?? inspection.agencyId} <span className="muted">· {formatDate(inspection.startedOn)}</span>
      </h1>
      <nav className="tabs" aria-label={t("scoring")}>
        {TABS.map(([key, label]) => (
          <a key={key} className="btn" href={`#/i/${id}/${key}`} aria-current={tab === key ? "page" : undefined} data-testid={`tab-${key}`}>
            {t(label)}
            {key === "conflicts" && conflicts > 0 && <span data-testid="conflict-count"> ({conflicts})</span>}
          </a>
        ))}
      </nav>
      {locked && (
        <p className="banner warn" role="note" data-testid="locked-banner">
          {t("lockedWhy")}
        </p>
      )}
      {!checklist ? (
        <p className="banner error">{t("checklistMissing", { id: inspection.checklistId ?? "", version: inspection.checklistVersion ?? "" })}</p>
      ) : tab === "findings" ? (
        <FindingsScreen data={data} checklist={checklist} locked={locked} />
      ) : tab === "review" ? (
        <ReviewScreen data={data} checklist={checklist} locked={locked} session={session} />
      ) : tab === "conflicts" ? (
        <ConflictsScreen data={data} />
      ) : (
        <ScoringScreen data={data} checklist={checklist} locked={locked} current={query.c} />
      )}
    </div>
  );
}
