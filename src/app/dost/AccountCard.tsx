import { useState } from "react";
import type { DeviceToken } from "../../domain/deviceToken";
import { accountsApi, type Account, type AccountRole } from "./accountsApi";
import { roleLabel } from "./roleLabel";
import { useDostT } from "./useDostT";

interface Props {
  account: Account;
  token: string;
  /** The caller's own account: it cannot be disabled, reset or given another role from here. */
  self: boolean;
  isAdmin: boolean;
  teams: readonly { id: string; name: string }[];
  onChanged: (a: Account) => void;
}

/** One account: its full name, role, team and state; edit, disable or re-enable, reset the password (shown once), its devices. */
export function AccountCard({ account: a, token, self, isAdmin, teams, onChanged }: Props) {
  const t = useDostT();
  const [busy, setBusy] = useState("");
  const [error, setError] = useState("");
  const [note, setNote] = useState("");
  const [password, setPassword] = useState("");
  const [confirmReset, setConfirmReset] = useState(false);
  const [devices, setDevices] = useState<DeviceToken[] | null>(null);
  const [edit, setEdit] = useState<{ displayName: string; role: AccountRole; team: string } | null>(null);
  const teamName = (id: string | null) => (id ? (teams.find((x) => x.id === id)?.name ?? id) : "");
  const name = a.displayName || a.username;

  const run = async (label: string, fn: () => Promise<void>) => {
    setBusy(label);
    setError("");
    setNote("");
    try {
      await fn();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy("");
    }
  };

  return (
    <li className="card" data-testid="account-item" data-username={a.username}>
      <div className="row" style={{ justifyContent: "space-between" }}>
        <div>
          <strong>{name}</strong>
          {a.displayName && <span className="muted"> ({a.username})</span>}
          {self && <span className="muted"> · {t("tài khoản của bạn: đổi mật khẩu trong Cài đặt", "your account: change its password in Settings")}</span>}
          <div className="muted">
            {roleLabel(a.role, t)}
            {a.team ? ` · ${teamName(a.team)}` : ""}
            {isAdmin && a.province ? ` · ${a.province}` : ""}
            {a.disabled ? ` · ${t("ĐÃ KHOÁ", "DISABLED")}` : ""}
          </div>
        </div>
      </div>
      {!self && (
        <div className="row">
          <button type="button" disabled={!!busy} onClick={() => setEdit(edit ? null : { displayName: a.displayName, role: a.role, team: a.team ?? "" })}>
            {t("Sửa", "Edit")} <span className="sr-only">{name}</span>
          </button>
          <button
            type="button"
            disabled={!!busy}
            onClick={() =>
              void run(a.disabled ? "enable" : "disable", async () => {
                onChanged(await accountsApi.setDisabled(token, t, a.id, !a.disabled));
                setNote(a.disabled ? t("Đã mở khoá: tài khoản đăng nhập lại được.", "Re-enabled: the account can sign in again.") : t("Đã khoá: tài khoản không đăng nhập được, mọi thiết bị bị đăng xuất ngay.", "Disabled: the account cannot sign in, and every device is signed out at once."));
              })
            }
          >
            {a.disabled ? t("Mở khoá", "Re-enable") : t("Khoá tài khoản", "Disable")} <span className="sr-only">{name}</span>
          </button>
          <button type="button" disabled={!!busy} aria-expanded={confirmReset} onClick={() => setConfirmReset(!confirmReset)}>
            {t("Đặt lại mật khẩu", "Reset password")} <span className="sr-only">{name}</span>
          </button>
          <button
            type="button"
            disabled={!!busy}
            aria-expanded={devices !== null}
            onClick={() => (devices ? setDevices(null) : void run("devices", async () => setDevices(await accountsApi.devices(token, t, a.id))))}
          >
            {t("Thiết bị", "Devices")} <span className="sr-only">{name}</span>
          </button>
        </div>
      )}
      {confirmReset && (
        <div className="banner warn">
          <p>{t(`Đặt lại mật khẩu của ${name}? Mọi thiết bị của tài khoản sẽ bị đăng xuất.`, `Reset ${name}'s password? Every device of the account is signed out.`)}</p>
          <div className="row">
            <button
              type="button"
              className="primary"
              disabled={!!busy}
              onClick={() =>
                void run("password", async () => {
                  const r = await accountsApi.resetPassword(token, t, a.id);
                  setConfirmReset(false);
                  setPassword(r.password);
                })
              }
            >
              {t("Đặt lại và hiện mật khẩu mới", "Reset and show the new password")}
            </button>
            <button type="button" onClick={() => setConfirmReset(false)}>{t("Huỷ", "Cancel")}</button>
          </div>
        </div>
      )}
      {busy && <p role="status">{t("Đang gửi lên máy chủ…", "Sending to the server…")}</p>}
      {note && <p role="status" className="banner info">{note}</p>}
      {error && <p role="alert" className="banner error">{error}</p>}
      {password && (
        <div className="banner warn" role="status" data-testid="account-new-password">
          <p>
            {t(`Mật khẩu mới của ${a.username}: `, `New password for ${a.username}: `)}
            <code style={{ fontSize: "1.3em" }}>{password}</code>
          </p>
          <p>{t("Chỉ hiện một lần. Hãy chép và trao tận tay; người dùng đổi mật khẩu trong Cài đặt sau khi đăng nhập.", "Shown once only. Copy it and hand it over in person; the user changes it in Settings after signing in.")}</p>
          <button type="button" onClick={() => setPassword("")}>{t("Đã chép, ẩn đi", "Copied, hide it")}</button>
        </div>
      )}
      {edit && (
        <form
          aria-label={t(`Sửa tài khoản ${a.username}`, `Edit account ${a.username}`)}
          onSubmit={(e) => {
            e.preventDefault();
            void run("save", async () => {
              const inTeam = edit.role === "lead" || edit.role === "inspector";
              onChanged(await accountsApi.update(token, t, a.id, { displayName: edit.displayName.trim(), role: edit.role, team: inTeam ? edit.team || null : null }));
              setEdit(null);
              setNote(t("Đã lưu tài khoản.", "Account saved."));
            });
          }}
        >
          <div className="grid2">
            <label>
              {t("Họ và tên", "Full name")}
              <input value={edit.displayName} onChange={(e) => setEdit({ ...edit, displayName: e.target.value })} />
            </label>
            <label>
              {t("Vai trò", "Role")}
              <select value={edit.role} onChange={(e) => setEdit({ ...edit, role: e.target.value as AccountRole })}>
                {(["inspector", "lead", "dost"] as const).map((r) => <option key={r} value={r}>{roleLabel(r, t)}</option>)}
              </select>
            </label>
            {(edit.role === "lead" || edit.role === "inspector") && (
              <label>
                {t("Đoàn", "Team")}
                <select value={edit.team} onChange={(e) => setEdit({ ...edit, team: e.target.value })}>
                  <option value="">{t("— chọn đoàn —", "— pick a team —")}</option>
                  {teams.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
                </select>
              </label>
            )}
          </div>
          <div className="row">
            <button type="submit" className="primary" disabled={!!busy}>{t("Lưu tài khoản", "Save the account")}</button>
            <button type="button" onClick={() => setEdit(null)}>{t("Huỷ", "Cancel")}</button>
          </div>
        </form>
      )}
      {devices && (
        <div data-testid="account-devices">
          {devices.length === 0 ? (
            <p className="muted">{t("Không có thiết bị nào đang đăng nhập.", "No device is signed in.")}</p>
          ) : (
            <ul className="plain">
              {devices.map((d) => (
                <li key={d.id} className="row" style={{ justifyContent: "space-between" }}>
                  <span>
                    {d.device ?? t("thiết bị không rõ mã", "device without an id")}
                    <span className="muted">
                      {" · "}
                      {d.lastUsedAt ? t(`dùng lần cuối ${new Date(d.lastUsedAt).toLocaleDateString("vi-VN")}`, `last used ${new Date(d.lastUsedAt).toLocaleDateString("en-GB")}`) : ""}
                      {d.userAgent ? ` · ${d.userAgent.slice(0, 60)}` : ""}
                    </span>
                  </span>
                  <button
                    type="button"
                    disabled={!!busy}
                    onClick={() =>
                      void run("revoke", async () => {
                        await accountsApi.revokeDevice(token, t, a.id, d.id);
                        setDevices(await accountsApi.devices(token, t, a.id));
                        setNote(t("Đã đăng xuất thiết bị đó.", "That device is signed out."));
                      })
                    }
                  >
                    {t("Đăng xuất thiết bị này", "Sign this device out")}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </li>
  );
}
