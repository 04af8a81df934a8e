import { useState, type FormEvent } from "react";
import { useT } from "../i18n/useT";

interface Props {
  onLogin: (username: string, password: string) => Promise<void>;
}

/** First login needs the network; afterwards the session stays on the tablet. */
export function LoginScreen({ onLogin }: Props) {
  const t = useT();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onLogin(username.trim(), password);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} style={{ maxWidth: 480 }} aria-label={t("login")}>
      <h1>{t("login")}</h1>
      <p className="muted">{t("loginOfflineHint")}</p>
      <label>
        {t("username")}
        <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
      </label>
      <label>
        {t("password")}
        <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </label>
      {error && (
        <p className="banner error" role="alert">
          {t("loginFailed", { error })}
        </p>
      )}
      <p>
        <button type="submit" className="primary" disabled={busy}>
          {t("login")}
        </button>
      </p>
    </form>
  );
}
