import type { AccountRole } from "./accountsApi";

const LABELS: Record<AccountRole, [string, string]> = {
  admin: ["Quản trị viên", "Administrator"],
  dost: ["Sở KH&CN", "DOST"],
  lead: ["Trưởng đoàn", "Team lead"],
  inspector: ["Thành viên đoàn kiểm tra", "Inspector"],
};

/** An account role in the law's words. */
export function roleLabel(role: AccountRole, t: (vi: string, en: string) => string): string {
  return t(...LABELS[role]);
}
