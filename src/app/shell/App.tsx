import { lazy, Suspense, useEffect, useState } from "react";
import type { AppDb } from "../db/AppDb";
import { loadResumeState } from "../db/loadResumeState";
import { recoverDrafts } from "../save/draftMirror";
import type { ResumeState } from "../db/ResumeState";
import { IosInstallHint } from "../components/IosInstallHint";
import { PrivateModeBanner } from "../components/PrivateModeBanner";
import { SaveStatus } from "../components/SaveStatus";
import { QuarantineNotice } from "../components/QuarantineNotice";
import { SyncBar } from "../components/SyncBar";
import { UpdatePrompt } from "../components/UpdatePrompt";
import { useSession } from "../hooks/useSession";
import { useT } from "../i18n/useT";
import { useRoute } from "../router/useRoute";
import { useScrollResume } from "../router/useScrollResume";
import { HomeScreen } from "../screens/HomeScreen";
import { InspectionScreen } from "../screens/InspectionScreen";
import { LoginScreen } from "../screens/LoginScreen";
import { useUiStore } from "../state/useUiStore";
import { DbContext } from "./DbContext";
import type { SyncHandle } from "./SyncHandle";

const DostConsole = lazy(() => import("../dost/DostConsole"));
// Home, login and scoring (where a restart usually resumes) are in the main chunk; the other screens are lazy
// chunks, precached by the service worker so they open offline. Backup, restore and bundles are rarely used.
const AgencyPicker = lazy(() => import("../screens/AgencyPicker").then((m) => ({ default: m.AgencyPicker })));
const StartInspection = lazy(() => import("../screens/StartInspection").then((m) => ({ default: m.StartInspection })));
const SettingsScreen = lazy(() => import("../screens/SettingsScreen"));

interface Props {
  db: AppDb;
  sync: SyncHandle | null;
  onLogin: (username: string, password: string) => Promise<void>;
}

/** Opening the app with no route returns to where the user was (closed tab, killed app, restarted tablet). */
function atHome(): boolean {
  return !window.location.hash || window.location.hash === "#" || window.location.hash === "#/";
}

/** The app shell: top bar, save and sync status, update prompt, and the routed screen. */
export function App({ db, sync, onLogin }: Props) {
  // The resume point is read once, before the first screen renders, so a restart opens exactly there.
  const [resume, setResume] = useState<ResumeState | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    // Text typed in the last pause before a reload, a crash or a kill is saved first, so every screen shows it.
    void recoverDrafts(db)
      .catch(() => 0)
      .then(() => loadResumeState(db))
      .then((r) => {
        if (!live) return;
        if (r && atHome()) history.replaceState(history.state, "", r.hash);
        setResume(r);
      });
    return () => {
      live = false;
    };
  }, [db]);
  if (resume === undefined) return null;
  return <Resumed db={db} sync={sync} onLogin={onLogin} resume={resume} />;
}

function Resumed({ db, sync, onLogin, resume }: Props & { resume: ResumeState | null }) {
  useScrollResume(db, resume);
  return (
    <DbContext.Provider value={db}>
      <Shell sync={sync} onLogin={onLogin} />
    </DbContext.Provider>
  );
}

function Shell({ sync, onLogin }: Omit<Props, "db">) {
  const t = useT();
  const route = useRoute();
  const session = useSession();
  const { lang, setLang } = useUiStore();
  const [first, second, third] = route.segments;

  let screen;
  if (session === undefined) screen = <p>{t("loading")}</p>;
  else if (session === null) screen = <LoginScreen onLogin={onLogin} />;
  else if (first === "agencies") screen = <AgencyPicker session={session} />;
  else if (first === "start") screen = <StartInspection session={session} query={route.query} />;
  else if (first === "i" && second) screen = <InspectionScreen key={second} id={second} tab={third ?? "score"} query={route.query} session={session} />;
  else if (first === "settings") screen = <SettingsScreen session={session} />;
  else if (first === "dost" && (session.user.role === "dost" || session.user.role === "admin")) screen = <DostConsole />;
  else screen = <HomeScreen session={session} />;

  return (
    <div className="app">
      <header className="topbar">
        <a className="title" href="#/">
          {t("appName")}
        </a>
        <SaveStatus place="topbar" />
        {(session?.user.role === "dost" || session?.user.role === "admin") && (
          <a className="btn" href="#/dost" data-testid="dost-link" aria-label={t("dost")} title={t("dost")}>
            {lang === "vi" ? "Sở KH&CN" : "DOST"}
          </a>
        )}
        {session && (
          <a className="btn" href="#/settings">
            {t("settings")}
          </a>
        )}
        <button type="button" onClick={() => setLang(lang === "vi" ? "en" : "vi")} aria-label={t("language")}>
          {lang === "vi" ? "EN" : "VI"}
        </button>
      </header>
      <div className="statusline">
        <SaveStatus place="statusline" />
        {session && <SyncBar sync={sync} />}
      </div>
      <main>
        <UpdatePrompt />
        <IosInstallHint />
        {session && <QuarantineNotice sync={sync} />}
        {first !== undefined && first !== "settings" && <PrivateModeBanner />}
        <Suspense fallback={<p>{t("loading")}</p>}>{screen}</Suspense>
      </main>
    </div>
  );
}
