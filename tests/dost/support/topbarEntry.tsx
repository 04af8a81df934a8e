// Bundled for Chromium by tests/dost/topbar.test.ts: the real app shell, signed in as a dost user.
import { createRoot } from "react-dom/client";
import { appDb } from "../../../src/app/db/appDbSingleton";
import { META } from "../../../src/app/db/META";
import { App } from "../../../src/app/shell/App";

export async function show(): Promise<void> {
  await appDb.meta.put({ key: META.session, value: { token: "t", user: { username: "dost-th", role: "dost", province: "thanh-hoa", team: null } } });
  window.location.hash = "#/settings";
  const root = document.createElement("div");
  document.body.append(root);
  createRoot(root).render(<App db={appDb} sync={null} onLogin={async () => undefined} />);
}
