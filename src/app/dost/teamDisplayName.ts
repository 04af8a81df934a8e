import { isLeadRole } from "../../domain/team";

/** What the console knows of a team: its record's name (if DOST or a sync gave it one), the lead names its
 * inspections were signed with, and the server accounts that belong to it. */
export interface TeamFacts {
  id: string;
  name?: string;
  leadNames: readonly string[];
  accounts: readonly { username: string; displayName: string; role: string }[];
  /** The team record's members (full names and roles), when it has a record. */
  members?: readonly { name: string; role: string }[];
}

/**
 * A team as people call it, never its bare id: its name when it has one (a name that is only the id, as "Đoàn doan-1"
 * made for a bare id, does not count); else its lead (the record's "Trưởng đoàn", the lead name its inspections
 * carry most often, or the team's lead account); else its members; the id only as a last resort, marked as unnamed
 * so DOST knows to name it.
 */
export function teamDisplayName(f: TeamFacts, t: (vi: string, en: string) => string): string {
  const named = f.name?.trim();
  if (named && named !== f.id && named !== `Đoàn ${f.id}`) return named;
  const recordLead = f.members?.find((m) => isLeadRole(m.role))?.name.trim();
  if (recordLead) return t(`Đoàn của ${recordLead}`, `Team led by ${recordLead}`);
  const counts = new Map<string, number>();
  for (const n of f.leadNames.map((x) => x.trim()).filter(Boolean)) counts.set(n, (counts.get(n) ?? 0) + 1);
  const lead = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "vi"))[0]?.[0]
    // an account without a full name is named by its username ("" is no name)
    ?? (f.accounts.find((a) => a.role === "lead")?.displayName.trim() || f.accounts.find((a) => a.role === "lead")?.username);
  if (lead) return t(`Đoàn của ${lead}`, `Team led by ${lead}`);
  const people = f.members?.length ? f.members.map((m) => m.name.trim()).filter(Boolean) : f.accounts.map((a) => a.displayName.trim() || a.username);
  if (people.length > 0) {
    const shown = people.slice(0, 2).join(", ");
    return people.length > 2 ? t(`Đoàn gồm ${shown} và ${people.length - 2} người khác`, `Team of ${shown} and ${people.length - 2} others`) : t(`Đoàn gồm ${shown}`, `Team of ${shown}`);
  }
  return t(`Đoàn chưa đặt tên (mã ${f.id})`, `Unnamed team (id ${f.id})`);
}
