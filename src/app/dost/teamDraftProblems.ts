import { foldVietnamese } from "../../domain/foldVietnamese";
import { isLeadRole, type TeamMember } from "../../domain/team";
import type { Account } from "./accountsApi";

/** A team as edited in the console: its display name and members (full names, roles, accounts, Art. 40 fields). */
export interface TeamDraft {
  name: string;
  members: TeamMember[];
}

/**
 * Why a team draft cannot be saved, in the UI's language (empty when it can): a name, a full name for every member,
 * exactly one lead, and no member's account in another team or province (a lead from another team would sign
 * records for a team they are not in).
 */
export function teamDraftProblems(teamId: string, d: TeamDraft, accounts: readonly Account[], province: string, t: (vi: string, en: string) => string): string[] {
  const out: string[] = [];
  if (!d.name.trim()) out.push(t("Cần tên đoàn (tên hiển thị trong kế hoạch và biên bản).", "The team needs a name (shown in plans and records)."));
  d.members.forEach((m, i) => {
    if (!m.name.trim()) out.push(t(`Thành viên số ${i + 1} chưa có họ và tên.`, `Member ${i + 1} has no full name.`));
  });
  const leads = d.members.filter((m) => isLeadRole(m.role));
  if (leads.length === 0) out.push(t("Đoàn cần một trưởng đoàn.", "The team needs a lead."));
  if (leads.length > 1) out.push(t(`Đoàn chỉ có một trưởng đoàn (đang có ${leads.length}).`, `A team has one lead (${leads.length} are marked).`));
  for (const m of d.members) {
    if (!m.username) continue;
    const a = accounts.find((x) => x.username === m.username);
    const who = m.name.trim() || m.username;
    if (!a) continue;
    if (a.province !== province) out.push(t(`${who}: tài khoản "${a.username}" thuộc tỉnh khác.`, `${who}: account "${a.username}" belongs to another province.`));
    else if (a.team && a.team !== teamId) {
      out.push(isLeadRole(m.role)
        ? t(`${who} là người của đoàn khác ("${a.team}"); trưởng đoàn phải thuộc chính đoàn này. Chuyển tài khoản sang đoàn này trước.`, `${who} belongs to another team ("${a.team}"); the lead must be in this team. Move the account to this team first.`)
        : t(`${who} là người của đoàn khác ("${a.team}"). Chuyển tài khoản sang đoàn này trước.`, `${who} belongs to another team ("${a.team}"). Move the account to this team first.`));
    }
  }
  return out;
}

/**
 * A readable id for a new team, from its province and name: "Đoàn kiểm tra số 1" of "TH" → "th-doan-kiem-tra-so-1".
 * Team ids are one namespace on the server, and a console sees only its own province's teams: the province keeps two
 * provinces' "Đoàn kiểm tra số 1" apart; `taken` (the ids this console knows) keeps it unique within the province.
 */
export function newTeamId(province: string, name: string, taken: ReadonlySet<string>): string {
  const slug = (s: string) => foldVietnamese(s).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  const base = `${slug(province).slice(0, 30) || "tinh"}-${slug(name).slice(0, 60) || "doan"}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
