import { useLiveQuery } from "dexie-react-hooks";
import { useState } from "react";
import { art40Gaps, ART40_MIN_YEARS, isLeadRole, LEAD_ROLE, type Art40Gap, type TeamMember } from "../../domain/team";
import { useEdit } from "../save/useEdit";
import { useDb } from "../shell/DbContext";
import type { Account } from "./accountsApi";
import { newTeamId, teamDraftProblems, type TeamDraft } from "./teamDraftProblems";
import { useDostT } from "./useDostT";

const MEMBER_ROLE = "Thành viên";
const EMPTY_ART40 = { degree: "", stateManagementCert: "", qmsAuditCert: "", yearsExperience: null };

const GAP_WORDS: Record<Art40Gap, [string, string]> = {
  degree: ["bằng đại học", "university degree"],
  stateManagementCert: ["chứng chỉ quản lý hành chính nhà nước", "state-management certificate"],
  qmsAuditCert: ["chứng chỉ đánh giá HTQLCL", "QMS audit certificate"],
  yearsExperience: [`thâm niên từ ${ART40_MIN_YEARS} năm`, `${ART40_MIN_YEARS} years' service`],
};

/**
 * The province's inspection teams: display name, lead, members with their TT 26 Art. 40 qualifications. Saved as
 * team records through the same local write and sync push as everything else, so every tablet of the province
 * receives them and the start form prefills "Trưởng đoàn" and "Thành viên đoàn có mặt" from them.
 */
export function TeamsCard({ province, accounts }: { province: string; accounts: readonly Account[] }) {
  const t = useDostT();
  const db = useDb();
  const save = useEdit();
  const rows = useLiveQuery(() => db.teams.toArray(), [db]);
  const teams = (rows ?? []).filter((r) => r.province === province).sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id, "vi"));
  // Teams that accounts belong to but no record names yet: offered to be named here.
  const unnamed = [...new Set(accounts.filter((a) => a.team && a.province === province).map((a) => a.team!))].filter((id) => !teams.some((x) => x.id === id));
  const [editing, setEditing] = useState<{ id: string; isNew: boolean; draft: TeamDraft } | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState("");

  const open = (id: string, isNew: boolean, draft: TeamDraft) => {
    setEditing({ id, isNew, draft });
    setProblems([]);
    setStatus("");
  };
  const patchMember = (i: number, p: Partial<TeamMember>) =>
    setEditing((e) => (e ? { ...e, draft: { ...e.draft, members: e.draft.members.map((m, j) => (j === i ? { ...m, ...p } : m)) } } : e));
  const patchArt40 = (i: number, p: Partial<NonNullable<TeamMember["art40"]>>) =>
    setEditing((e) => (e ? { ...e, draft: { ...e.draft, members: e.draft.members.map((m, j) => (j === i ? { ...m, art40: { ...EMPTY_ART40, ...m.art40, ...p } } : m)) } } : e));

  const submit = async () => {
    if (!editing) return;
    const { draft } = editing;
    const id = editing.isNew ? newTeamId(province, draft.name, new Set([...(rows ?? []).map((r) => r.id), ...accounts.flatMap((a) => (a.team ? [a.team] : []))])) : editing.id;
    const found = teamDraftProblems(id, draft, accounts, province, t);
    setProblems(found);
    if (found.length > 0) return;
    setStatus(t("Đang lưu…", "Saving…"));
    const members = draft.members.map((m) => {
      const clean: TeamMember = { name: m.name.trim().normalize("NFC"), role: m.role };
      if (m.qualifications) clean.qualifications = m.qualifications;
      if (m.art40) clean.art40 = { ...m.art40, degree: m.art40.degree.trim(), stateManagementCert: m.art40.stateManagementCert.trim(), qmsAuditCert: m.art40.qmsAuditCert.trim() };
      if (m.username) clean.username = m.username;
      return clean;
    });
    const ok = await save([
      { entity: "team", rowId: id, field: "name", value: draft.name.trim().normalize("NFC") },
      { entity: "team", rowId: id, field: "province", value: province },
      { entity: "team", rowId: id, field: "members", value: members },
    ]);
    if (ok) {
      setEditing(null);
      setStatus(t(`Đã lưu đoàn "${draft.name.trim()}"; các máy tính bảng nhận khi đồng bộ.`, `Team "${draft.name.trim()}" saved; tablets receive it on sync.`));
    } else setStatus(t("Chưa lưu được; xem thông báo lỗi ở trên.", "Not saved; see the error above."));
  };

  const provinceAccounts = accounts.filter((a) => a.province === province && (a.role === "lead" || a.role === "inspector"));

  return (
    <section className="card" aria-labelledby="teams-heading" data-testid="teams-card">
      <h2 id="teams-heading">{t("Đoàn kiểm tra", "Inspection teams")}</h2>
      <p className="muted">
        {t(
          "Tên đoàn được in trong kế hoạch và biên bản. Trưởng đoàn và thành viên được điền sẵn khi đoàn bắt đầu một cuộc kiểm tra trên máy tính bảng.",
          "The team's name is printed in plans and records. The lead and members are prefilled when the team starts an inspection on a tablet.",
        )}
      </p>
      {status && <p role="status" className="banner info">{status}</p>}
      {teams.length === 0 && unnamed.length === 0 && <p className="banner">{t("Chưa có đoàn nào trong tỉnh.", "No team in the province yet.")}</p>}
      <ul className="plain" data-testid="team-list">
        {teams.map((x) => {
          const members = Array.isArray(x.members) ? x.members : [];
          const lead = members.find((m) => isLeadRole(m.role));
          return (
            <li key={x.id} className="card" data-testid="team-item">
              <div className="row" style={{ justifyContent: "space-between" }}>
                <div>
                  <strong>{x.name ?? x.id}</strong>
                  <div className="muted">
                    {lead ? t(`Trưởng đoàn: ${lead.name}`, `Lead: ${lead.name}`) : t("Chưa có trưởng đoàn", "No lead yet")}
                    {" · "}
                    {t(`${members.length} người`, `${members.length} people`)}
                  </div>
                </div>
                <button type="button" onClick={() => open(x.id, false, { name: x.name ?? "", members: members.map((m) => ({ ...m })) })}>
                  {t("Sửa", "Edit")} <span className="sr-only">{x.name ?? x.id}</span>
                </button>
              </div>
            </li>
          );
        })}
        {unnamed.map((id) => (
          <li key={id} className="card">
            <div className="row" style={{ justifyContent: "space-between" }}>
              <span>{t(`Đoàn chưa đặt tên (mã ${id})`, `Unnamed team (id ${id})`)}</span>
              <button type="button" onClick={() => open(id, false, { name: "", members: [] })}>{t("Đặt tên và thành viên", "Name it and add members")}</button>
            </div>
          </li>
        ))}
      </ul>
      {!editing && (
        <button type="button" className="primary" data-testid="team-new" onClick={() => open("", true, { name: "", members: [{ name: "", role: LEAD_ROLE, art40: { ...EMPTY_ART40 } }] })}>
          {t("Thêm đoàn kiểm tra", "Add a team")}
        </button>
      )}
      {editing && (
        <form
          aria-label={t("Thông tin đoàn", "Team details")}
          data-testid="team-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <h3>{editing.isNew ? t("Đoàn mới", "New team") : t(`Sửa đoàn (mã ${editing.id})`, `Edit team (id ${editing.id})`)}</h3>
          <label>
            {t("Tên đoàn", "Team name")}
            <input value={editing.draft.name} placeholder={t("Ví dụ: Đoàn kiểm tra số 1", "e.g. Đoàn kiểm tra số 1")} onChange={(e) => setEditing({ ...editing, draft: { ...editing.draft, name: e.target.value } })} />
          </label>
          {editing.draft.members.map((m, i) => {
            const gaps = art40Gaps(m);
            const label = m.name.trim() || t(`Thành viên số ${i + 1}`, `Member ${i + 1}`);
            return (
              <fieldset key={i} className="card" data-testid="team-member">
                <legend>{label}</legend>
                <div className="grid2">
                  <label>
                    {t("Họ và tên", "Full name")}
                    <input value={m.name} onChange={(e) => patchMember(i, { name: e.target.value })} />
                  </label>
                  <label>
                    {t("Vai trò", "Role")}
                    <select value={isLeadRole(m.role) ? LEAD_ROLE : m.role || MEMBER_ROLE} onChange={(e) => patchMember(i, { role: e.target.value })}>
                      <option value={LEAD_ROLE}>{t("Trưởng đoàn", "Team lead")}</option>
                      <option value={MEMBER_ROLE}>{t("Thành viên", "Member")}</option>
                      {!isLeadRole(m.role) && m.role && m.role !== MEMBER_ROLE && <option value={m.role}>{m.role}</option>}
                    </select>
                  </label>
                  <label>
                    {t("Tài khoản (nếu có)", "Account (if any)")}
                    <select
                      value={m.username ?? ""}
                      onChange={(e) => {
                        const a = accounts.find((x) => x.username === e.target.value);
                        patchMember(i, { username: e.target.value || undefined, ...(a && !m.name.trim() && a.displayName ? { name: a.displayName } : {}) });
                      }}
                    >
                      <option value="">{t("— không có —", "— none —")}</option>
                      {provinceAccounts.map((a) => (
                        <option key={a.id} value={a.username}>{`${a.displayName || a.username} (${a.username})`}</option>
                      ))}
                    </select>
                  </label>
                </div>
                <p className="muted">{t("Tiêu chuẩn người kiểm tra (Điều 40 Thông tư 26/2014/TT-BKHCN)", "Inspector qualifications (TT 26/2014, Art. 40)")}</p>
                <div className="grid2">
                  <label>
                    {t("Bằng đại học (ngành, trường, năm)", "University degree (field, school, year)")}
                    <input value={m.art40?.degree ?? ""} onChange={(e) => patchArt40(i, { degree: e.target.value })} />
                  </label>
                  <label>
                    {t("Chứng chỉ quản lý hành chính nhà nước", "State-management certificate")}
                    <input value={m.art40?.stateManagementCert ?? ""} onChange={(e) => patchArt40(i, { stateManagementCert: e.target.value })} />
                  </label>
                  <label>
                    {t("Chứng chỉ đánh giá HTQLCL (ISO 9001)", "QMS audit certificate (ISO 9001)")}
                    <input value={m.art40?.qmsAuditCert ?? ""} onChange={(e) => patchArt40(i, { qmsAuditCert: e.target.value })} />
                  </label>
                  <label>
                    {t("Số năm công tác (từ khi tốt nghiệp đại học)", "Years of service (since graduating)")}
                    <input
                      inputMode="numeric"
                      value={m.art40?.yearsExperience ?? ""}
                      onChange={(e) => {
                        const digits = e.target.value.replace(/\D/g, "").slice(0, 2);
                        patchArt40(i, { yearsExperience: digits === "" ? null : Number(digits) });
                      }}
                    />
                  </label>
                </div>
                {m.qualifications && (
                  <p className="muted" data-testid="member-old-qualifications">
                    {t("Ghi chú trình độ (nhập trước đây): ", "Qualifications noted earlier: ")}
                    {m.qualifications}
                  </p>
                )}
                {gaps && gaps.length > 0 && (
                  <p className="banner warn" data-testid="member-art40-gaps">
                    {t("Chưa đủ tiêu chuẩn Điều 40: thiếu ", "Art. 40 not met: missing ")}
                    {gaps.map((g) => t(...GAP_WORDS[g])).join(", ")}.
                  </p>
                )}
                <button type="button" onClick={() => setEditing({ ...editing, draft: { ...editing.draft, members: editing.draft.members.filter((_, j) => j !== i) } })}>
                  {t("Bỏ người này khỏi đoàn", "Remove from the team")} <span className="sr-only">{label}</span>
                </button>
              </fieldset>
            );
          })}
          <button type="button" onClick={() => setEditing({ ...editing, draft: { ...editing.draft, members: [...editing.draft.members, { name: "", role: MEMBER_ROLE, art40: { ...EMPTY_ART40 } }] } })}>
            {t("Thêm thành viên", "Add a member")}
          </button>
          {problems.length > 0 && (
            <div role="alert" className="banner error" data-testid="team-problems">
              <strong>{t("Chưa lưu được đoàn:", "The team was not saved:")}</strong>
              <ul>
                {problems.map((p) => <li key={p}>{p}</li>)}
              </ul>
            </div>
          )}
          <div className="row">
            <button type="submit" className="primary">{t("Lưu đoàn", "Save the team")}</button>
            <button type="button" onClick={() => setEditing(null)}>{t("Huỷ", "Cancel")}</button>
          </div>
        </form>
      )}
    </section>
  );
}
