import type { ProvinceFixture } from "./provinceFixture";
import { PROVINCE, YEAR } from "./provinceFixture";

type OutcomeKey = "conform" | "partial" | "nonconform" | "observation" | "na";

/** Two months after a date whose day is at most 28, in plain arithmetic (independent of the domain's addMonths). */
function plusTwoMonths(d: string): string {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7)) + 2;
  return `${m > 12 ? y + 1 : y}-${String(m > 12 ? m - 12 : m).padStart(2, "0")}-${d.slice(8)}`;
}

/**
 * Rest days and public holidays of 2026–2027 as the published calendars list them (not computed: the domain's
 * lunar calendar is what is under test), with the days off for holidays on a weekend.
 */
const HOLIDAYS = new Set([
  "2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-04-26", "2026-04-27", "2026-04-30", "2026-05-01", "2026-09-01", "2026-09-02",
  "2027-01-01", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11", "2027-04-16", "2027-04-30", "2027-05-01", "2027-05-03", "2027-09-01", "2027-09-02",
]);
function workingDayFrom(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  while (t.getUTCDay() === 0 || t.getUTCDay() === 6 || HOLIDAYS.has(t.toISOString().slice(0, 10))) t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

/** Every summary and dashboard figure, computed in plain JavaScript from the fixture's model. */
export function expectedFigures(fx: ProvinceFixture, today: string, province = PROVINCE, year = YEAR) {
  const m = fx.model;
  const insp = m.inspections.filter((i) => i.province === province && i.startedOn.startsWith(`${year}-`));
  const inspIds = new Set(insp.map((i) => i.id));
  const finalized = new Set(insp.filter((i) => i.status === "finalized").map((i) => i.id));
  const byId = new Map(insp.map((i) => [i.id, i]));
  const agency = new Map(m.agencies.map((a) => [a.id, a]));
  const results = m.results.filter((r) => finalized.has(r.inspectionId) && r.outcome !== null);
  const tally = (key: (r: (typeof results)[number]) => string) => {
    const out = new Map<string, Record<OutcomeKey, number>>();
    for (const r of results) {
      const k = key(r);
      let t = out.get(k);
      if (!t) out.set(k, (t = { conform: 0, partial: 0, nonconform: 0, observation: 0, na: 0 }));
      t[r.outcome!]++;
    }
    return out;
  };
  const actions = m.actions.filter((a) => inspIds.has(a.inspectionId) && !a.deleted);
  const rawDue = (a: (typeof actions)[number]) => a.dueOn ?? (byId.get(a.inspectionId)!.signedOn ? plusTwoMonths(byId.get(a.inspectionId)!.signedOn!) : null);
  const due = (a: (typeof actions)[number]) => (rawDue(a) === null ? null : workingDayFrom(rawDue(a)!));
  // Overdue: still unreported after the (working-day) due date, or reported (whatever happened next) by a report
  // dated after it.
  const overdue = actions.filter((a) => due(a) !== null && (a.status === "open" ? due(a)! < today : a.reportedOn !== null && a.reportedOn > due(a)!));
  const count = (xs: readonly { status: string }[], s: string) => xs.filter((x) => x.status === s).length;

  const planned = new Set(province === PROVINCE && year === YEAR ? m.plan.entries.map((e) => `${e.agencyId}|${e.mode}`) : []);
  const done = new Set(insp.map((i) => `${i.agencyId}|${i.mode}`));
  const doneFinal = new Set(insp.filter((i) => i.status === "finalized").map((i) => `${i.agencyId}|${i.mode}`));
  const conflictRows = [...m.conflictRows].filter((k) => {
    const [entity, rowId] = k.split("|") as [string, string];
    if (entity === "agency") return province === PROVINCE;
    const iid = entity === "inspection" ? rowId : rowId.split("/")[0]!;
    return inspIds.has(iid);
  });

  return {
    inspections: {
      onsite: insp.filter((i) => i.mode === "onsite").length,
      desk: insp.filter((i) => i.mode === "desk").length,
      finalized: count(insp, "finalized"),
      draft: count(insp, "draft"),
      submitted: count(insp, "submitted"),
    },
    criteria: tally((r) => r.code),
    byKind: tally((r) => agency.get(byId.get(r.inspectionId)!.agencyId)?.kind ?? ""),
    byParent: tally((r) => agency.get(byId.get(r.inspectionId)!.agencyId)?.parentId ?? ""),
    actions: {
      open: count(actions, "open"), reported: count(actions, "reported"), accepted: count(actions, "accepted"),
      not_accepted: count(actions, "not_accepted"), verified: count(actions, "verified"), overdue: overdue.length,
    },
    overdueIds: overdue.map((a) => a.id).sort(),
    noticeIds: actions.filter((a) => a.status === "not_accepted").map((a) => a.id).sort(),
    coverage: {
      planned: planned.size,
      plannedOnsite: [...planned].filter((k) => k.endsWith("|onsite")).length,
      plannedDesk: [...planned].filter((k) => k.endsWith("|desk")).length,
      started: [...planned].filter((k) => done.has(k)).length,
      finalized: [...planned].filter((k) => doneFinal.has(k)).length,
      unplanned: insp.filter((i) => !planned.has(`${i.agencyId}|${i.mode}`)).length,
    },
    conflictRows: conflictRows.sort(),
    insp,
    results,
    overdueActionInspections: overdue.map((a) => a.inspectionId).sort(),
  };
}
