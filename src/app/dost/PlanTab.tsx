import { useLiveQuery } from "dexie-react-hooks";
import { useEffect, useMemo, useState } from "react";
import { currentUnitOf } from "../../domain/currentUnitOf";
import { foldVietnamese } from "../../domain/foldVietnamese";
import type { Plan, PlanEntry } from "../../domain/plan";
import { planCheck } from "../../domain/planCheck";
import { saveFile } from "../screens/saveFile";
import { useEdit } from "../save/useEdit";
import { useDb } from "../shell/DbContext";
import { useUiStore } from "../state/useUiStore";
import { asAgency } from "./asAgency";
import { defaultPlanEntries } from "./defaultPlanEntries";
import { planProblemText } from "./planProblemText";
import { planRowId } from "./planRowId";
import { rowEdits } from "./rowEdits";
import { loadDostIssuer } from "./loadDostIssuer";
import { teamDisplayName } from "./teamDisplayName";
import { useDostT } from "./useDostT";
import { useTeamAccounts } from "./useTeamAccounts";

const SHARE_PRESETS = [1 / 3, 0.5, 1];

/** The yearly plan (TT 26 Art. 34, Mẫu 19): entries agency × form × team × month, its checks, PDF and XLSX. */
export function PlanTab({ token, province, year }: { token: string; province: string; year: number }) {
  const t = useDostT();
  const lang = useUiStore((s) => s.lang);
  const db = useDb();
  const save = useEdit();
  // The province-year's plan, whoever created it (an imported bundle may carry another id); else a fixed id.
  const stored = useLiveQuery(async () => (await db.plans.toArray()).find((p) => p.province === province && p.year === year) ?? null, [db, province, year]);
  const id = stored?.id ?? planRowId(province, year);
  const agencyRows = useLiveQuery(() => db.agencies.toArray(), [db]);
  const teamRows = useLiveQuery(() => db.teams.toArray(), [db]);
  // A team exists once a user belongs to it (docs/sync-protocol.md, Records): besides team records, the teams seen in inspections count,
  // with the lead names they were signed with (to name a team that has no record).
  const seenTeams = useLiveQuery(async () => {
    const leads = new Map<string, string[]>();
    for (const i of await db.inspections.toArray()) {
      if (i.province !== province || !i.teamId) continue;
      leads.set(i.teamId, [...(leads.get(i.teamId) ?? []), ...(typeof i.leadName === "string" ? [i.leadName] : [])]);
    }
    return leads;
  }, [db, province]);
  const accounts = useTeamAccounts(token);
  const [teamNameDraft, setTeamNameDraft] = useState<Record<string, string>>({});
  const agencies = useMemo(() => (agencyRows ?? []).map(asAgency).filter((a) => a.province === province), [agencyRows, province]);
  const [newTeam, setNewTeam] = useState("");
  const teams = useMemo(() => {
    const ids = new Set<string>();
    const record = new Map<string, { name?: string }>();
    for (const x of teamRows ?? []) {
      if (x.province !== province) continue;
      ids.add(x.id);
      record.set(x.id, { name: typeof x.name === "string" ? x.name : undefined });
    }
    for (const id of [...(seenTeams?.keys() ?? []), ...(stored?.entries ?? []).map((e) => e.teamId), ...accounts.keys()]) if (id) ids.add(id);
    return [...ids].sort((a, b) => a.localeCompare(b)).map((id) => ({
      id,
      hasRecord: record.has(id),
      name: teamDisplayName({ id, name: record.get(id)?.name, leadNames: seenTeams?.get(id) ?? [], accounts: accounts.get(id) ?? [] }, t),
    }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- t is a new function each render; lang is what it follows
  }, [teamRows, seenTeams, stored, province, accounts, lang]);
  // Last year's results choose who is visited first (TT 26 Art. 37: a desk review's result feeds next year's visits);
  // a merged or renamed unit inherits its predecessors' results.
  const priority = useLiveQuery(async () => {
    const prev = (await db.inspections.toArray()).filter((i) => i.province === province && i.status === "finalized" && (i.startedOn ?? "").startsWith(`${year - 1}-`));
    const agencyOf = new Map(prev.map((i) => [i.id, i.agencyId ?? ""]));
    const all = await db.agencies.toArray();
    const lineage = new Map(all.map((a) => [a.id, { id: a.id, successorId: a.successorId ?? null }]));
    const out = new Map<string, number>();
    for (const r of await db.results.toArray()) {
      const agencyId = agencyOf.get(r.inspectionId ?? "");
      if (!agencyId || (r.outcome !== "nonconform" && r.outcome !== "partial")) continue;
      const unit = currentUnitOf(agencyId, lineage);
      out.set(unit, (out.get(unit) ?? 0) + (r.outcome === "nonconform" ? 2 : 1));
    }
    return out;
  }, [db, province, year]);
  const [entries, setEntries] = useState<PlanEntry[]>([]);
  const [share, setShare] = useState(1 / 3);
  const [customShare, setCustomShare] = useState(false);
  const [query, setQuery] = useState("");
  const [message, setMessage] = useState("");
  useEffect(() => {
    setEntries(stored?.entries ?? []);
    setShare(stored?.onsiteShare ?? 1 / 3);
  }, [stored]);

  const plan: Plan = { id, year, province, entries, onsiteShare: share, title: `Kế hoạch kiểm tra năm ${year}` };
  const check = planCheck(plan, agencies);
  const name = (aid: string) => agencies.find((a) => a.id === aid)?.name ?? aid;
  const teamNames = new Map(teams.map((x) => [x.id, x.name]));
  const entryOf = (aid: string, mode: PlanEntry["mode"]) => entries.find((e) => e.agencyId === aid && e.mode === mode);
  const setEntry = (aid: string, mode: PlanEntry["mode"], patch: Partial<PlanEntry> | null) => {
    const rest = entries.filter((e) => !(e.agencyId === aid && e.mode === mode));
    if (patch === null) return setEntries(rest);
    const cur = entryOf(aid, mode) ?? { agencyId: aid, mode, teamId: teams[0]?.id ?? "", month: mode === "desk" ? 3 : 8 };
    setEntries([...rest, { ...cur, ...patch }]);
  };
  const listed = check.inScope.filter((aid) => !query || foldVietnamese(name(aid)).includes(foldVietnamese(query)));

  const exportPdf = async () => {
    const [{ buildPlanModel }, { renderDostPdf }] = await Promise.all([import("../../report/dost/buildPlanModel"), import("../../report/dost/renderDostPdf")]);
    await saveFile(renderDostPdf(buildPlanModel(plan, agencies, teamNames, await loadDostIssuer(db, province))), `ke-hoach-kiem-tra-${year}.pdf`, "application/pdf");
  };
  const exportXlsx = async () => {
    const { planXlsx } = await import("../../report/dost/planXlsx");
    await saveFile(planXlsx(plan, agencies, teamNames), `ke-hoach-kiem-tra-${year}.xlsx`, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  };

  return (
    <section aria-label={t("Kế hoạch kiểm tra", "Inspection plan")}>
      <h2>{t(`Kế hoạch kiểm tra năm ${year}`, `Inspection plan ${year}`)}</h2>
      <div className="row">
        <label>
          {t("Tỷ lệ kiểm tra tại trụ sở", "On-site share")}{" "}
          <select data-testid="plan-share" value={SHARE_PRESETS.includes(share) && !customShare ? String(share) : "custom"} onChange={(e) => {
            if (e.target.value === "custom") return setCustomShare(true);
            setCustomShare(false);
            setShare(Number(e.target.value));
          }}>
            <option value={String(1 / 3)}>1/3 (TT 26)</option>
            <option value="0.5">1/2 (Hà Nội)</option>
            <option value="1">{t("Tất cả", "All")}</option>
            <option value="custom">{t("Tỷ lệ khác (%)", "Other share (%)")}</option>
          </select>
        </label>
        {(customShare || !SHARE_PRESETS.includes(share)) && (
          <label style={{ margin: 0 }}>
            {t("Tỷ lệ (%)", "Share (%)")}{" "}
            <input data-testid="plan-share-percent" inputMode="numeric" size={4} defaultValue={String(Math.round(share * 1000) / 10)} onChange={(e) => {
              const pct = Number(e.target.value.replace(",", "."));
              if (e.target.value.trim() && pct > 0 && pct <= 100) setShare(pct / 100);
            }} />
          </label>
        )}
        <button type="button" data-testid="plan-default" onClick={() => setEntries(defaultPlanEntries(check, teams.map((x) => x.id), share, priority))} disabled={teams.length === 0}>
          {t("Lập kế hoạch mặc định", "Draft a default plan")}
        </button>
        <button type="button" className="primary" data-testid="plan-save" onClick={async () => {
          if (await save(rowEdits("plan", plan, stored ?? undefined))) setMessage(t("Đã lưu kế hoạch; các đoàn nhận phân công khi đồng bộ.", "Plan saved; teams receive their assignments on sync."));
        }}>{t("Lưu và gửi cho các đoàn", "Save and send to the teams")}</button>
        <button type="button" onClick={() => void exportPdf()}>PDF</button>
        <button type="button" onClick={() => void exportXlsx()}>XLSX</button>
      </div>
      {teams.length === 0 && <p className="banner">{t("Chưa có đoàn kiểm tra nào trong tỉnh.", "No inspection team in the province yet.")}</p>}
      <div className="row">
        <input aria-label={t("Mã đoàn mới", "New team id")} placeholder={t("Mã đoàn (như tài khoản của đoàn)", "Team id (as in the team's accounts)")} value={newTeam} onChange={(e) => setNewTeam(e.target.value)} />
        <button type="button" disabled={!newTeam.trim() || teams.some((x) => x.id === newTeam.trim())} onClick={async () => {
          const tid = newTeam.trim();
          if (await save([{ entity: "team", rowId: tid, field: "name", value: `Đoàn ${tid}` }, { entity: "team", rowId: tid, field: "province", value: province }, { entity: "team", rowId: tid, field: "members", value: [] }])) setNewTeam("");
        }}>{t("Thêm đoàn", "Add team")}</button>
      </div>
      {teams.length > 0 && (
        <details className="card" data-testid="team-names">
          <summary>{t("Tên các đoàn kiểm tra", "Inspection team names")}</summary>
          {teams.map((x) => (
            <div className="row" key={x.id} data-testid="team-name-row">
              <span>{x.name}</span>
              <input aria-label={t(`Tên mới cho ${x.name}`, `New name for ${x.name}`)} placeholder={t("Tên đoàn, ví dụ Đoàn kiểm tra số 1", "Team name, e.g. Đoàn kiểm tra số 1")} value={teamNameDraft[x.id] ?? ""} onChange={(e) => setTeamNameDraft({ ...teamNameDraft, [x.id]: e.target.value })} />
              <button type="button" disabled={!(teamNameDraft[x.id] ?? "").trim()} onClick={async () => {
                const value = (teamNameDraft[x.id] ?? "").trim().normalize("NFC");
                // A team known only from accounts or inspections gets its record now, members left for DOST to fill in.
                const edits = [{ entity: "team" as const, rowId: x.id, field: "name", value }, ...(x.hasRecord ? [] : [{ entity: "team" as const, rowId: x.id, field: "province", value: province }, { entity: "team" as const, rowId: x.id, field: "members", value: [] }])];
                if (await save(edits)) setTeamNameDraft({ ...teamNameDraft, [x.id]: "" });
              }}>{t("Đặt tên", "Rename")}</button>
            </div>
          ))}
        </details>
      )}
      {message && <p role="status">{message}</p>}
      <div className={check.problems.length > 0 ? "banner" : "card"} data-testid="plan-checks">
        <p>{t(`${check.inScope.length} cơ quan thuộc diện kiểm tra, trong đó ${check.requiredSet.length} bắt buộc áp dụng (Điều 2 Quyết định 19/2014/QĐ-TTg); ${check.onsite} cơ quan bắt buộc kiểm tra tại trụ sở (cần ít nhất ${check.required}).`, `${check.inScope.length} agencies in scope, ${check.requiredSet.length} of them required to apply a QMS (QĐ 19 Art. 2); ${check.onsite} required agencies on site (at least ${check.required} needed).`)}</p>
        {check.flagged.length > 0 && <p data-testid="plan-flagged">{t(`${check.flagged.length} đơn vị chưa được đưa vào kế hoạch vì cần xác định đơn vị kế thừa sau sắp xếp năm 2025 (xem Danh mục cơ quan).`, `${check.flagged.length} units are left out until their successor after the 2025 reorganisation is recorded (see the registry).`)}</p>}
        {check.problems.length === 0 ? <p>{t("Kế hoạch đáp ứng yêu cầu.", "The plan meets the requirements.")}</p> : (
          <ul>{check.problems.slice(0, 50).map((p, i) => <li key={i}>{planProblemText(p, name, lang)}</li>)}</ul>
        )}
        {check.problems.length > 50 && <p>{t(`… và ${check.problems.length - 50} vấn đề khác.`, `… and ${check.problems.length - 50} more.`)}</p>}
      </div>
      <input type="search" placeholder={t("Tìm cơ quan", "Find an agency")} value={query} onChange={(e) => setQuery(e.target.value)} />
      <table>
        <thead><tr><th>{t("Cơ quan", "Agency")}</th><th>{t("Qua hồ sơ", "Desk")}</th><th>{t("Tại trụ sở", "On site")}</th><th>{t("Đoàn", "Team")}</th><th>{t("Tháng", "Month")}</th></tr></thead>
        <tbody>
          {listed.slice(0, 400).map((aid) => {
            const desk = entryOf(aid, "desk");
            const onsite = entryOf(aid, "onsite");
            const any = onsite ?? desk;
            return (
              <tr key={aid} data-testid="plan-row">
                <td>{name(aid)}</td>
                <td><input type="checkbox" aria-label={`${t("Qua hồ sơ", "Desk")} ${name(aid)}`} checked={!!desk} onChange={(e) => setEntry(aid, "desk", e.target.checked ? {} : null)} /></td>
                <td><input type="checkbox" aria-label={`${t("Tại trụ sở", "On site")} ${name(aid)}`} checked={!!onsite} onChange={(e) => setEntry(aid, "onsite", e.target.checked ? {} : null)} /></td>
                <td>
                  <select value={any?.teamId ?? ""} disabled={!any} onChange={(e) => { if (desk) setEntry(aid, "desk", { teamId: e.target.value }); if (onsite) setEntry(aid, "onsite", { teamId: e.target.value }); }}>
                    {teams.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
                  </select>
                </td>
                <td>
                  <select value={String(any?.month ?? "")} disabled={!any} onChange={(e) => setEntry(aid, onsite ? "onsite" : "desk", { month: Number(e.target.value) })}>
                    {Array.from({ length: 12 }, (_, m) => <option key={m} value={String(m + 1)}>{m + 1}</option>)}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
