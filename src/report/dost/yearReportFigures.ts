import type { AgencyKind } from "../../domain/agency";
import { AGENCY_KIND_LABELS_VI } from "../../domain/agency";
import type { DostDashboard } from "../../domain/dostDashboard";
import type { DostSummary } from "../../domain/dostSummary";
import { ACTION_STATUS_LABELS_VI } from "../tables/ACTION_STATUS_LABELS_VI";

export interface AdoptionCount {
  cohortYear: number | null;
  agencies: number;
  declared: number;
}

/** The tables shared by the yearly reports' PDF and XLSX, as plain rows of text and numbers. */
export function yearReportFigures(s: DostSummary, d: DostDashboard, adoption: readonly AdoptionCount[] = []) {
  // Vietnamese decimal comma: 66,7%.
  const pct = (n: number, of: number) => (of > 0 ? `${String(Math.round((n / of) * 1000) / 10).replace(".", ",")}%` : "—");
  const criteria = s.criteria.map((c) => {
    const scored = c.conform + c.partial + c.nonconform + c.observation;
    return { ...c, scored, failRate: pct(c.partial + c.nonconform, scored) };
  });
  const worst = [...criteria].sort((a, b) => b.nonconform + b.partial - (a.nonconform + a.partial) || a.code.localeCompare(b.code, "vi")).filter((c) => c.nonconform + c.partial > 0).slice(0, 5);
  const kinds = new Map<string, { conform: number; partial: number; nonconform: number; observation: number; na: number }>();
  for (const r of d.byKind) {
    const k = kinds.get(r.group) ?? { conform: 0, partial: 0, nonconform: 0, observation: 0, na: 0 };
    k.conform += r.conform;
    k.partial += r.partial;
    k.nonconform += r.nonconform;
    k.observation += r.observation;
    k.na += r.na;
    kinds.set(r.group, k);
  }
  const byKind = [...kinds].map(([kind, t]) => ({ kind: AGENCY_KIND_LABELS_VI[kind as AgencyKind] ?? (kind || "Chưa rõ"), ...t }));
  const actions = (["open", "reported", "accepted", "not_accepted", "verified"] as const).map((k) => ({ status: ACTION_STATUS_LABELS_VI[k], count: s.actions[k] }));
  const total = s.inspections.onsite + s.inspections.desk;
  return {
    overview: [
      ["Số lượt cơ quan trong kế hoạch", d.coverage.planned],
      ["- kiểm tra qua hồ sơ, báo cáo", d.coverage.plannedDesk],
      ["- kiểm tra tại trụ sở", d.coverage.plannedOnsite],
      ["Số lượt đã tiến hành", d.coverage.started],
      ["Số lượt đã hoàn thành (biên bản đã ký)", d.coverage.finalized],
      ["Tỷ lệ hoàn thành so với kế hoạch", pct(d.coverage.finalized, d.coverage.planned)],
      ["Số cuộc kiểm tra ngoài kế hoạch", d.coverage.unplanned],
      ["Tổng số cuộc kiểm tra trong năm", total],
      ["- qua hồ sơ, báo cáo", s.inspections.desk],
      ["- tại trụ sở", s.inspections.onsite],
      ["- đã hoàn thành", s.inspections.finalized],
    ] as [string, number | string][],
    criteria,
    worst,
    byKind,
    actions,
    overdue: s.actions.overdue,
    notices: d.notices,
    conflicts: d.conflicts.length,
    adoption,
  };
}
