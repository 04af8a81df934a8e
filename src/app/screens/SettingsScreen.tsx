import { useState } from "react";
import { backupAll } from "../backup/backupAll";
import { restoreAll } from "../backup/restoreAll";
import { META } from "../db/META";
import type { Session } from "../db/Session";
import { todayIso } from "../i18n/todayIso";
import { useT } from "../i18n/useT";
import { navigate } from "../router/navigate";
import { describeError } from "../save/describeError";
import { useUiStore } from "../state/useUiStore";
import { exportBundle, importBundle, type BundleImportReport } from "../sync/bundle";
import { BUILD_ID } from "../shell/BUILD_ID";
import { useDb } from "../shell/DbContext";
import { ProgressBar } from "../components/ProgressBar";
import { IssuerCard } from "./IssuerCard";
import { readFileBytes } from "./readFileBytes";
import { saveFile } from "./saveFile";

/** What a bundle import did, for the message: nothing carried is left unmentioned. */
function bundleCounts(r: BundleImportReport): Record<string, number> {
  return { added: r.added, duplicates: r.duplicates, invalid: r.invalid.length, blobs: r.blobs };
}

/** Language, the record issuer, backup and restore of everything, sync bundles for teams without a connection, log out. */
export default function SettingsScreen({ session }: { session: Session | null }) {
  const t = useT();
  const db = useDb();
  const { lang, setLang } = useUiStore();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  // The long job running now (a backup, a restore, a bundle), named under its progress bar.
  const [working, setWorking] = useState<string | null>(null);
  const run = async (job: () => Promise<string>, what: string) => {
    setMessage(null);
    setWorking(what);
    try {
      setMessage({ ok: true, text: await job() });
    } catch (err) {
      setMessage({ ok: false, text: t("fileFailed", { error: describeError(err) }) });
    } finally {
      setWorking(null);
    }
  };
  const readFile = async (input: HTMLInputElement) => {
    const f = input.files?.[0];
    input.value = "";
    if (!f) throw new Error("chưa chọn tệp");
    return readFileBytes(f);
  };

  return (
    <div>
      <h1>{t("settings")}</h1>
      <section className="card">
        <button type="button" onClick={() => setLang(lang === "vi" ? "en" : "vi")}>
          {t("language")}
        </button>
        <p data-testid="build-id">
          {t("build")}: {BUILD_ID}
        </p>
      </section>
      <IssuerCard province={session?.user.province ?? null} />
      <section className="card">
        <h2>{t("backup")}</h2>
        <div className="row">
          <button type="button" className="primary" data-testid="backup" onClick={() => void run(async () => (await saveFile(await backupAll(db), `htqlcl-sao-luu-${todayIso()}.htqlcl`, "application/octet-stream"), t("backup")), t("backup"))}>
            {t("backup")}
          </button>
          <label className="btn">
            {t("restore")}
            <input className="sr-only" type="file" data-testid="restore" onChange={(e) => void run(async () => t("restored", { ...(await restoreAll(db, await readFile(e.target))) }), t("restore"))} />
          </label>
        </div>
      </section>
      <section className="card">
        <h2>{t("exportBundle")}</h2>
        <div className="row">
          <button type="button" data-testid="export-bundle" onClick={() => void run(async () => (await saveFile(await exportBundle(db), `htqlcl-goi-dong-bo-${todayIso()}.json`, "application/json"), t("exportBundle")), t("exportBundle"))}>
            {t("exportBundle")}
          </button>
          <label className="btn">
            {t("importBundle")}
            <input className="sr-only" type="file" accept=".json,application/json" data-testid="import-bundle" onChange={(e) => void run(async () => t("imported", bundleCounts(await importBundle(db, await readFile(e.target)))), t("importBundle"))} />
          </label>
        </div>
      </section>
      {working && <ProgressBar label={t("workInProgress", { what: working })} testId="work-progress" />}
      {message && (
        <p className={`banner ${message.ok ? "info" : "error"}`} role={message.ok ? "status" : "alert"}>
          {message.text}
        </p>
      )}
      {(session?.user.role === "dost" || session?.user.role === "admin") && (
        <p>
          <a className="btn" href="#/dost">
            {t("dost")}
          </a>
        </p>
      )}
      {session && (
        <p>
          <button type="button" onClick={() => void db.meta.delete(META.session).then(() => navigate("/", undefined, true))}>
            {t("logout")} ({session.user.username})
          </button>
        </p>
      )}
    </div>
  );
}
