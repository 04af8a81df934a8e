import { useEffect, useState } from "react";
import type { AgencyKind } from "../../domain/agency";
import type { DostDashboard } from "../../domain/dostDashboard";
import type { DostSummary } from "../../domain/dostSummary";
import { OUTCOME_LABELS_VI, OUTCOMES, type Outcome } from "../../domain/outcome";
import { formatDate } from "../i18n/formatDate";
import { useT } from "../i18n/useT";
import { AgencyHistoryPicker } from "./AgencyHistoryPicker";
import { BarChart } from "./BarChart";
import { useLiveRevision } from "../hooks/useLiveRevision";
import { dostFetch } from "./dostFetch";
import { dostLabel } from "./dostLabels";
import { InspectionList, type InspectionFilter } from "./InspectionList";
import { useDostT } from "./useDostT";

const COLORS: Record<Outcome, string> = { conform: "#2e7d32", partial: "#f9a825", nonconform: "#c62828", observation: "#1565c0", na: "#9e9e9e" };
const OUTCOME_EN: Record<Outcome, string> = { conform: "Conform", partial: "Partial", nonconform: "Nonconform", observation: "Observation", na: "N/A" };

/** A share as "33,3%" (decimal comma, as everywhere in the app). */
function formatRate(n: number, of: number): string {
  return `${String(Math.round((n / of) * 1000) / 10).replace(".", ",")}%`;
}

/** Merged results of a province-year: coverage, forms and statuses, compliance per criterion (by agency kind and by
 * parent unit), corrective actions with the overdue ones, notices and conflicts. Every number opens its inspections. */
export function DashboardTab({ token, province, year }: { token: string; province: string; year: number }) {
  const t = useDostT();
  const tk = useT();
  const [summary, setSummary] = useState<DostSummary | null>(null);
  const [dash, setDash] = useState<DostDashboard | null>(null);
  const [error, setError] = useState("");
  const [open, setOpen] = useState<{ title: string; filter: InspectionFilter } | null>(null);
  const [groupBy, setGroupBy] = useState<"kind" | "parent">("kind");
  const query = `year=${year}&province=${encodeURIComponent(province)}`;
  const revision = useLiveRevision();
  useEffect(() => {
    let live = true;
    setError("");
    Promise.all([dostFetch<DostSummary>(token, `/summary?${query}`), dostFetch<DostDashboard>(token, `/dashboard?${query}`)])
      .then(([s, d]) => {
        if (!live) return;
        setSummary(s);
        setDash(d);
      })
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [token, query, revision]);

  const num = (value: number, title: string, filter: InspectionFilter) => (
    <button type="button" className="link" data-testid="figure" onClick={() => setOpen({ title, filter })}>{value}</button>
  );
  if (error) return <p className="banner" role="alert">{error}</p>;
  if (!summary || !dash) return <p>{t("Đang tải số liệu…", "Loading figures…")}</p>;
  const L = (code: string) => dostLabel(code, t);
  const O = (o: Outcome) => t(OUTCOME_LABELS_VI[o], OUTCOME_EN[o]);
  const fails = summary.criteria.filter((k) => k.nonconform + k.partial > 0).sort((a, b) => b.nonconform + b.partial - (a.nonconform + a.partial));
  const groups = groupBy === "kind" ? dash.byKind : dash.byParent;
  const groupLabel = (g: { group: string; groupName: string }) => (groupBy === "kind" ? (g.group ? tk(`agencyKind_${g.group as AgencyKind}`) : t("Chưa rõ", "Unknown")) : g.groupName || t("Không có", "None"));
  const groupFilter = (g: { group: string }): InspectionFilter => (groupBy === "kind" ? { kind: g.group } : { parentId: g.group });
  const c = dash.coverage;
  const titleOf = new Map(summary.criteria.map((k) => [k.code, k.title ?? ""]));
  // The code stays first (teams and reports cite it); the checklist's wording follows, for readers who do not know it.
  const named = (code: string) => (
    <>
      {code}
      {titleOf.get(code) && <span className="muted" data-testid="criterion-title" style={{ display: "block", fontWeight: "normal" }}>{titleOf.get(code)}</span>}
    </>
  );
  return (
    <section aria-label={t("Kết quả tổng hợp", "Merged results")}>
      {open && <InspectionList token={token} query={query} filter={open.filter} title={open.title} onClose={() => setOpen(null)} />}
      <h2>{t("Tiến độ so với kế hoạch", "Coverage against the plan")}</h2>
      <p data-testid="coverage">
        {t("Kế hoạch", "Planned")}: {c.planned} ({t("qua hồ sơ", "desk")} {c.plannedDesk}, {t("tại trụ sở", "on site")} {c.plannedOnsite}) · {t("đã tiến hành", "started")} {num(c.started, t("Đã tiến hành theo kế hoạch", "Started, in the plan"), { plan: "in" })} · {t("đã ký biên bản", "finalized")} {num(c.finalized, t("Đã ký biên bản, theo kế hoạch", "Finalized, in the plan"), { plan: "in", status: "finalized" })} · {t("ngoài kế hoạch", "unplanned")} {num(c.unplanned, t("Ngoài kế hoạch", "Outside the plan"), { plan: "out" })}
      </p>
      <p>
        <progress max={Math.max(1, c.planned)} value={c.finalized} aria-label={t("Tỷ lệ hoàn thành", "Completion")} />{" "}
        <span data-testid="coverage-rate">{c.planned > 0 ? t(`Hoàn thành ${formatRate(c.finalized, c.planned)} kế hoạch`, `${formatRate(c.finalized, c.planned)} of the plan done`) : t("Chưa có kế hoạch của năm.", "No plan for the year yet.")}</span>
      </p>
      <h2>{t("Cuộc kiểm tra theo hình thức và trạng thái", "Inspections by form and status")}</h2>
      <table data-testid="form-status">
        <thead><tr><th /><th>{t("Qua hồ sơ", "Desk")}</th><th>{t("Tại trụ sở", "On site")}</th></tr></thead>
        <tbody>
          {(["draft", "submitted", "finalized"] as const).map((s) => (
            <tr key={s}>
              <th>{L(s)}</th>
              {(["desk", "onsite"] as const).map((m) => {
                const n = dash.byFormStatus.find((x) => x.mode === m && x.status === s)?.count ?? 0;
                return <td key={m}>{num(n, `${L(m)} — ${L(s)}`, { mode: m, status: s })}</td>;
              })}
            </tr>
          ))}
          <tr><th>{t("Tổng", "Total")}</th><td>{num(summary.inspections.desk, L("desk"), { mode: "desk" })}</td><td>{num(summary.inspections.onsite, L("onsite"), { mode: "onsite" })}</td></tr>
        </tbody>
      </table>
      <h2>{t("Nội dung chưa đạt nhiều nhất", "Requirements failing most")}</h2>
      <BarChart label={t("Kết quả theo nội dung", "Results per criterion")} bars={fails.slice(0, 20).map((k) => ({
        label: k.code,
        parts: (["nonconform", "partial", "observation", "conform", "na"] as const).map((o) => ({
          value: k[o], color: COLORS[o], title: O(o),
          onOpen: () => setOpen({ title: `${k.code}: ${O(o)}`, filter: { criterion: k.code, outcome: o } }),
        })),
      }))} />
      {fails.length > 0 && (
        <ul data-testid="chart-criteria">
          {fails.slice(0, 20).filter((k) => k.title).map((k) => <li key={k.code}><strong>{k.code}</strong>: {k.title}</li>)}
        </ul>
      )}
      {fails.length === 0 && <p className="muted">{t("Chưa có nội dung nào bị đánh giá chưa đạt.", "No requirement failed yet.")}</p>}
      <p className="row" data-testid="chart-legend">
        {(["nonconform", "partial", "observation", "conform", "na"] as const).map((o) => (
          <span key={o}><span aria-hidden="true" style={{ display: "inline-block", width: 16, height: 16, background: COLORS[o], verticalAlign: "middle", marginRight: 6 }} />{O(o)}</span>
        ))}
      </p>
      <table data-testid="criteria">
        <thead><tr><th>{t("Nội dung", "Criterion")}</th>{OUTCOMES.map((o) => <th key={o}>{O(o)}</th>)}</tr></thead>
        <tbody>{summary.criteria.map((k) => <tr key={k.code}><th>{named(k.code)}</th>{OUTCOMES.map((o) => <td key={o}>{num(k[o], `${k.code}: ${O(o)}`, { criterion: k.code, outcome: o })}</td>)}</tr>)}</tbody>
      </table>
      <h3>
        {t("Theo", "By")}{" "}
        <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as "kind" | "parent")} aria-label={t("Nhóm theo", "Group by")}>
          <option value="kind">{t("loại cơ quan", "agency kind")}</option>
          <option value="parent">{t("đơn vị chủ quản", "parent unit")}</option>
        </select>
      </h3>
      <table data-testid="compliance-groups">
        <thead><tr><th>{t("Nhóm", "Group")}</th><th>{t("Nội dung", "Criterion")}</th><th>{t("Không đạt", "Nonconform")}</th><th>{t("Đạt một phần", "Partial")}</th><th>{t("Đạt", "Conform")}</th></tr></thead>
        <tbody>
          {[...groups].filter((g) => g.nonconform + g.partial > 0).sort((a, b) => b.nonconform + b.partial - (a.nonconform + a.partial)).slice(0, 40).map((g) => (
            <tr key={`${g.group}|${g.code}`}>
              <td>{groupLabel(g)}</td><td>{named(g.code)}</td>
              <td>{num(g.nonconform, `${groupLabel(g)} — ${g.code}: ${O("nonconform")}`, { ...groupFilter(g), criterion: g.code, outcome: "nonconform" })}</td>
              <td>{num(g.partial, `${groupLabel(g)} — ${g.code}: ${O("partial")}`, { ...groupFilter(g), criterion: g.code, outcome: "partial" })}</td>
              <td>{num(g.conform, `${groupLabel(g)} — ${g.code}: ${O("conform")}`, { ...groupFilter(g), criterion: g.code, outcome: "conform" })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("Hành động khắc phục", "Corrective actions")}</h2>
      <BarChart label={t("Hành động khắc phục theo trạng thái", "Actions by status")} bars={(["open", "reported", "accepted", "not_accepted", "verified"] as const).map((s) => ({
        label: L(s), parts: [{ value: summary.actions[s], color: s === "not_accepted" ? "#c62828" : "#1565c0", title: L(s), onOpen: () => setOpen({ title: `${t("Hành động khắc phục", "Corrective actions")}: ${L(s)}`, filter: { actionStatus: s } }) }],
      }))} />
      <p>{t("Quá hạn (quá 02 tháng)", "Overdue (two-month rule)")}: {num(summary.actions.overdue, t("Hành động khắc phục quá hạn", "Overdue corrective actions"), { overdue: "true" })}</p>
      <ul data-testid="overdue">{dash.overdue.slice(0, 50).map((a) => <li key={a.actionId}>{formatDate(a.dueOn)} — {a.agencyName} — {a.description}</li>)}</ul>
      <h2>{t("Thông báo chưa chấp nhận", "Notices of non-acceptance")} ({dash.notices.length})</h2>
      <ul data-testid="notices">{dash.notices.map((a) => <li key={a.actionId}>{a.noticeNumber} — {a.agencyName} — {a.decisionNote}</li>)}</ul>
      <h2>{t("Lịch sử một cơ quan qua các năm", "An agency's history year over year")}</h2>
      <AgencyHistoryPicker token={token} province={province} />
      <h2>{t("Xung đột chờ trưởng đoàn xử lý", "Conflicts waiting for a team lead")} ({dash.conflicts.length}; {t("trong các cuộc kiểm tra", "in inspections")} {num(dash.conflicts.filter((x) => x.inspectionId !== null).length, t("Xung đột", "Conflicts"), { conflicts: "true" })})</h2>
      <ul data-testid="conflicts">{dash.conflicts.slice(0, 50).map((x) => <li key={`${x.entity}|${x.rowId}`}>{x.agencyName || x.rowId} — {L(x.entity)} — {x.team ?? t("Sở KH&CN", "DOST")} — {t(`${x.count} giá trị chờ xử lý`, `${x.count} values waiting`)}</li>)}</ul>
    </section>
  );
}
