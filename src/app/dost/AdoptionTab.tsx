import { useLiveQuery } from "dexie-react-hooks";
import { useMemo, useState } from "react";
import { ADOPTION_LEVEL_LABELS_VI, ADOPTION_STEP_LABELS_VI, ADOPTION_STEPS, adoptionCounts, adoptionId, adoptionProgress, type AdoptionLevel, type AdoptionStep } from "../../domain/adoption";
import { AGENCY_SCOPE_LABELS_VI } from "../../domain/agency";
import { AGENCY_SCOPE_EN } from "./AGENCY_SCOPE_EN";
import { asAgency } from "./asAgency";
import type { DocumentRef } from "../../domain/result";
import { DateInput } from "../components/DateInput";
import type { AdoptionRow } from "../db/rowTypes";
import { useEdit } from "../save/useEdit";
import { useDb } from "../shell/DbContext";
import { useDostT } from "./useDostT";

const STEP_EN: Record<AdoptionStep, string> = {
  steering: "1. ISO steering committee",
  build: "2. Build the QMS",
  apply: "3. Apply the QMS",
  declare: "4. Declare conformity",
  maintain: "5. Maintain and improve",
};

const LEVEL_EN: Record<AdoptionLevel, string> = {
  province: "Provincial level (committee, departments, sub-departments)",
  district: "District level (until 30/6/2025)",
  commune: "Commune level (communes, wards, special zones)",
  public_service: "Public service units and others",
};
/** One step's evidence: decision number (saved when the field is left) and date (typed dd/mm/yyyy, saved once valid). */
function StepCell({ row, step }: { row: AdoptionRow; step: AdoptionStep }) {
  const t = useDostT();
  const save = useEdit();
  const cur = (row[step] as DocumentRef | null | undefined) ?? null;
  const [number, setNumber] = useState(cur?.number ?? "");
  const commit = (nextNumber: string, date: string | null) => {
    const next: DocumentRef | null = nextNumber.trim() || date ? { number: nextNumber.trim().normalize("NFC"), date } : null;
    if (JSON.stringify(next) === JSON.stringify(cur)) return;
    void save([{ entity: "adoption", rowId: row.id, field: step, value: next }]);
  };
  return (
    <td className="step-evidence">
      <input aria-label={`${t("Số quyết định", "Decision no.")} — ${t(ADOPTION_STEP_LABELS_VI[step], STEP_EN[step])}`} placeholder={t("Số QĐ", "No.")} size={10} value={number} onChange={(e) => setNumber(e.target.value)} onBlur={() => commit(number, cur?.date ?? null)} />
      <DateInput label={t("Ngày", "Date")} value={cur?.date ?? null} onChange={(d) => commit(number, d)} testId={`adoption-date-${step}`} />
    </td>
  );
}

/** Each agency's progress through the five adoption steps with evidence, in cohorts by year (seed 003: 2022–2024). */
export function AdoptionTab({ province }: { province: string }) {
  const t = useDostT();
  const db = useDb();
  const save = useEdit();
  const rows = useLiveQuery(() => db.adoptions.toArray(), [db]);
  const agencies = useLiveQuery(() => db.agencies.toArray(), [db]);
  const names = useMemo(() => new Map((agencies ?? []).map((a) => [a.id, a.name ?? a.id])), [agencies]);
  const mine = (rows ?? []).filter((r) => r.province === province);
  const [cohort, setCohort] = useState<string>("all");
  const [addAgency, setAddAgency] = useState("");
  const [addYear, setAddYear] = useState(String(new Date().getFullYear()));
  const cohorts = [...new Set(mine.map((r) => r.cohortYear ?? null))].sort((a, b) => (a ?? 0) - (b ?? 0));
  const shown = mine.filter((r) => cohort === "all" || String(r.cohortYear ?? "") === cohort).sort((a, b) => (names.get(a.agencyId ?? "") ?? "").localeCompare(names.get(b.agencyId ?? "") ?? "", "vi"));
  const today = new Date().toISOString().slice(0, 10);
  const byLevel = useMemo(
    () => adoptionCounts((agencies ?? []).map(asAgency).filter((a) => a.province === province), mine.map((r) => ({ agencyId: r.agencyId ?? "", steering: r.steering ?? null, build: r.build ?? null, apply: r.apply ?? null, declare: r.declare ?? null, maintain: r.maintain ?? null })), today),
    [agencies, mine, province, today],
  );
  const progress = (r: AdoptionRow) => adoptionProgress({ steering: r.steering ?? null, build: r.build ?? null, apply: r.apply ?? null, declare: r.declare ?? null, maintain: r.maintain ?? null });
  return (
    <section aria-label={t("Tiến độ áp dụng", "Adoption")}>
      <h2>{t("Tiến độ áp dụng HTQLCL theo lộ trình", "QMS adoption by cohort")}</h2>
      <table data-testid="adoption-cohorts">
        <thead><tr><th>{t("Năm", "Year")}</th><th>{t("Số cơ quan", "Agencies")}</th>{ADOPTION_STEPS.map((s) => <th key={s}>{t(ADOPTION_STEP_LABELS_VI[s], STEP_EN[s])}</th>)}</tr></thead>
        <tbody>
          {cohorts.map((c) => {
            const inC = mine.filter((r) => (r.cohortYear ?? null) === c);
            return (
              <tr key={String(c)}>
                <td><button type="button" onClick={() => setCohort(String(c ?? ""))}>{c ?? t("Khác", "Other")}</button></td>
                <td>{inC.length}</td>
                {ADOPTION_STEPS.map((_, i) => <td key={i}>{inC.filter((r) => progress(r) > i).length}</td>)}
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>{t("Theo cấp và phạm vi áp dụng (Phụ lục II Quyết định 19/2014/QĐ-TTg)", "By level and scope (QĐ 19 Appendix II)")}</h3>
      <table data-testid="adoption-levels">
        <thead><tr><th>{t("Cấp", "Level")}</th><th>{t("Phạm vi", "Scope")}</th><th>{t("Số hệ thống", "Systems")}</th><th>{t("Đang áp dụng", "Applying")}</th><th>{t("Đã công bố", "Declared")}</th></tr></thead>
        <tbody>
          {byLevel.map((c) => (
            <tr key={`${c.level}-${c.scope}`}>
              <td>{t(ADOPTION_LEVEL_LABELS_VI[c.level], LEVEL_EN[c.level])}</td><td>{t(AGENCY_SCOPE_LABELS_VI[c.scope], AGENCY_SCOPE_EN[c.scope])}</td><td>{c.systems}</td><td>{c.applying}</td><td>{c.declared}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <button type="button" onClick={() => setCohort("all")}>{t("Tất cả", "All")}</button>
        <select aria-label={t("Cơ quan", "Agency")} value={addAgency} onChange={(e) => setAddAgency(e.target.value)}>
          <option value="">{t("— thêm cơ quan vào lộ trình —", "— add an agency —")}</option>
          {(agencies ?? []).filter((a) => a.province === province && !mine.some((r) => r.agencyId === a.id)).map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </select>
        <label style={{ margin: 0 }}>{t("Năm lộ trình", "Cohort year")} <input inputMode="numeric" size={5} value={addYear} onChange={(e) => setAddYear(e.target.value)} /></label>
        <button type="button" disabled={!addAgency || !/^\d{4}$/.test(addYear)} onClick={() => {
          const id = adoptionId(addAgency);
          void save([{ entity: "adoption", rowId: id, field: "agencyId", value: addAgency }, { entity: "adoption", rowId: id, field: "province", value: province }, { entity: "adoption", rowId: id, field: "cohortYear", value: Number(addYear) }]);
          setAddAgency("");
        }}>{t("Thêm", "Add")}</button>
      </div>
      <div style={{ overflowX: "auto" }}>
      <table data-testid="adoption-list">
        <thead><tr><th>{t("Cơ quan", "Agency")}</th><th>{t("Năm", "Year")}</th><th>{t("Tiến độ", "Progress")}</th>{ADOPTION_STEPS.map((s) => <th key={s}>{t(ADOPTION_STEP_LABELS_VI[s], STEP_EN[s])}</th>)}</tr></thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.id} data-testid="adoption-row">
              <td>{names.get(r.agencyId ?? "") ?? r.agencyId}</td>
              <td>{r.cohortYear ?? ""}</td>
              <td><progress max={5} value={progress(r)} /> {progress(r)}/5</td>
              {ADOPTION_STEPS.map((s) => <StepCell key={s} row={r} step={s} />)}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </section>
  );
}
