import { useLiveQuery } from "dexie-react-hooks";
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { useDb } from "../shell/DbContext";
import { AccountCard } from "./AccountCard";
import { accountsApi, randomPassword, type Account, type AccountRole } from "./accountsApi";
import { roleLabel } from "./roleLabel";
import { teamDisplayName } from "./teamDisplayName";
import { TeamsCard } from "./TeamsCard";
import { useDostT } from "./useDostT";

interface Props {
  token: string;
  province: string;
  /** Who is signed in: admin manages every province, DOST its own (the server enforces it, this only shapes the form). */
  me: { username: string; role: string };
}

const EMPTY = { username: "", displayName: "", role: "inspector" as AccountRole, team: "", password: "" };

/**
 * "Tài khoản và đoàn": the province's inspection teams (names, leads, members and their Art. 40 qualifications) and
 * its accounts (create, edit, disable, re-enable, reset a password, devices). Accounts need the server; teams are
 * written on this device and synced like every other record.
 */
export function AccountsTab({ token, province, me }: Props) {
  const t = useDostT();
  const db = useDb();
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [loadError, setLoadError] = useState("");
  const [form, setForm] = useState(EMPTY);
  const [createError, setCreateError] = useState("");
  const [created, setCreated] = useState<{ username: string; password: string } | null>(null);
  const [creating, setCreating] = useState(false);
  const teamRows = useLiveQuery(() => db.teams.toArray(), [db]);

  const load = useCallback(async () => {
    setLoadError("");
    try {
      setAccounts(await accountsApi.list(token, t));
    } catch (e) {
      setLoadError((e as Error).message);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- t changes each render; the list follows the token
  }, [token]);
  useEffect(() => void load(), [load]);

  const inProvince = (accounts ?? []).filter((a) => a.province === province);
  const teamIds = [...new Set([...(teamRows ?? []).filter((r) => r.province === province).map((r) => r.id), ...inProvince.flatMap((a) => (a.team ? [a.team] : []))])];
  const teams = teamIds
    .map((id) => ({
      id,
      name: teamDisplayName(
        {
          id,
          name: teamRows?.find((r) => r.id === id)?.name,
          members: teamRows?.find((r) => r.id === id)?.members,
          leadNames: [],
          accounts: inProvince.filter((a) => a.team === id).map((a) => ({ username: a.username, displayName: a.displayName, role: a.role })),
        },
        t,
      ),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "vi"));
  const replace = (a: Account) => setAccounts((all) => (all ?? []).map((x) => (x.id === a.id ? a : x)));

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setCreateError("");
    setCreated(null);
    const inTeam = form.role === "lead" || form.role === "inspector";
    const missing = [
      !form.username.trim() && t("tên đăng nhập", "username"),
      !form.displayName.trim() && t("họ và tên", "full name"),
      inTeam && !form.team && t("đoàn", "team"),
      !form.password && t("mật khẩu", "password"),
    ].filter(Boolean);
    if (missing.length > 0) return setCreateError(t(`Cần điền: ${missing.join(", ")}.`, `Fill in: ${missing.join(", ")}.`));
    setCreating(true);
    try {
      const a = await accountsApi.create(token, t, {
        username: form.username.trim(),
        password: form.password,
        role: form.role,
        province,
        team: inTeam ? form.team : null,
        displayName: form.displayName.trim().normalize("NFC"),
      });
      setAccounts((all) => [...(all ?? []), a]);
      setCreated({ username: a.username, password: form.password });
      setForm(EMPTY);
    } catch (err) {
      setCreateError((err as Error).message);
    } finally {
      setCreating(false);
    }
  };

  return (
    <div data-testid="accounts-tab">
      <TeamsCard province={province} accounts={accounts ?? []} />
      <section className="card" aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">{t("Tài khoản", "Accounts")}</h2>
        {me.role === "admin" && <p className="muted">{t(`Tài khoản của tỉnh ${province}.`, `Accounts of province ${province}.`)}</p>}
        {accounts === null && !loadError && <p role="status">{t("Đang tải danh sách tài khoản…", "Loading the accounts…")}</p>}
        {loadError && (
          <div role="alert" className="banner error">
            <p>{loadError}</p>
            <button type="button" onClick={() => void load()}>{t("Thử lại", "Try again")}</button>
          </div>
        )}
        {accounts !== null && (
          <ul className="plain" data-testid="account-list">
            {inProvince.length === 0 && <li className="muted">{t("Chưa có tài khoản nào trong tỉnh.", "No account in the province yet.")}</li>}
            {[...inProvince].sort((a, b) => a.username.localeCompare(b.username)).map((a) => (
              <AccountCard key={a.id} account={a} token={token} self={a.username === me.username} isAdmin={me.role === "admin"} teams={teams} onChanged={replace} />
            ))}
          </ul>
        )}
        <form aria-label={t("Tạo tài khoản", "Create an account")} data-testid="account-create" onSubmit={(e) => void create(e)}>
          <h3>{t("Tạo tài khoản", "Create an account")}</h3>
          <div className="grid2">
            <label>
              {t("Tên đăng nhập (chữ không dấu, số, . _ @ -)", "Username (plain letters, digits, . _ @ -)")}
              <input autoCapitalize="none" autoComplete="off" spellCheck={false} value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} />
            </label>
            <label>
              {t("Họ và tên", "Full name")}
              <input value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} />
            </label>
            <label>
              {t("Vai trò", "Role")}
              <select data-testid="account-create-role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as AccountRole })}>
                {(["inspector", "lead", "dost"] as const).map((r) => <option key={r} value={r}>{roleLabel(r, t)}</option>)}
              </select>
            </label>
            {(form.role === "lead" || form.role === "inspector") && (
              <label>
                {t("Đoàn", "Team")}
                <select data-testid="account-create-team" value={form.team} onChange={(e) => setForm({ ...form, team: e.target.value })}>
                  <option value="">{t("— chọn đoàn —", "— pick a team —")}</option>
                  {teams.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
                </select>
              </label>
            )}
            <label>
              {t("Mật khẩu ban đầu (ít nhất 12 ký tự)", "First password (at least 12 characters)")}
              <input type="text" autoComplete="new-password" spellCheck={false} value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />
            </label>
          </div>
          {teams.length === 0 && (form.role === "lead" || form.role === "inspector") && (
            <p className="banner warn">{t("Chưa có đoàn nào: hãy thêm đoàn ở trên trước.", "No team yet: add one above first.")}</p>
          )}
          <div className="row">
            <button type="button" onClick={() => setForm({ ...form, password: randomPassword() })}>{t("Tạo mật khẩu ngẫu nhiên", "Generate a password")}</button>
            <button type="submit" className="primary" disabled={creating}>{creating ? t("Đang tạo…", "Creating…") : t("Tạo tài khoản", "Create the account")}</button>
          </div>
          {createError && <p role="alert" className="banner error" data-testid="account-create-error">{createError}</p>}
          {created && (
            <div role="status" className="banner warn" data-testid="account-created">
              <p>
                {t(`Đã tạo tài khoản ${created.username}. Mật khẩu: `, `Account ${created.username} created. Password: `)}
                <code style={{ fontSize: "1.3em" }}>{created.password}</code>
              </p>
              <p>{t("Chỉ hiện một lần. Hãy chép và trao tận tay.", "Shown once only. Copy it and hand it over in person.")}</p>
              <button type="button" onClick={() => setCreated(null)}>{t("Đã chép, ẩn đi", "Copied, hide it")}</button>
            </div>
          )}
        </form>
      </section>
    </div>
  );
}
