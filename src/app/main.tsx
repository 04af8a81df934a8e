import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { appDb } from "./db/appDbSingleton";
import { metaValue } from "./db/metaValue";
import { META } from "./db/META";
import type { Session } from "./db/Session";
import { App } from "./shell/App";
import { registerServiceWorker } from "./shell/registerServiceWorker";
import { login } from "./sync/login";
import { startLiveStream } from "./sync/liveStream";
import { SyncEngine } from "./sync/SyncEngine";
import "./styles.css";

const baseUrl = window.location.origin;
const sync = new SyncEngine({
  db: appDb,
  baseUrl,
  getToken: async () => (await metaValue<Session>(appDb, META.session))?.token ?? null,
});
sync.start();
// Online, a change pushed anywhere in the province reaches this tablet and the DOST console within moments.
startLiveStream({ baseUrl, getToken: async () => (await metaValue<Session>(appDb, META.session))?.token ?? null, onChange: () => void sync.syncNow() });
registerServiceWorker();

const onLogin = async (username: string, password: string) => {
  await login(baseUrl, username, password, { db: appDb });
  void sync.syncNow().catch(() => undefined);
};

const root = document.getElementById("root");
if (root)
  createRoot(root).render(
    <StrictMode>
      <App db={appDb} sync={sync} onLogin={onLogin} />
    </StrictMode>,
  );
