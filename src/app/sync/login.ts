import type { AppDb } from "../db/AppDb";
import { ensureDeviceId } from "../db/ensureDeviceId";
import { META } from "../db/META";
import type { Session } from "../db/Session";
import { requestJson } from "./requestJson";

/**
 * Sign in against the sync server and keep the session (token and user) on the tablet, so work and sync continue
 * offline. Rejects with a Vietnamese message (wrong password, too many tries, no network).
 */
export async function login(
  baseUrl: string,
  username: string,
  password: string,
  opts: { db?: AppDb; fetch?: typeof fetch } = {},
): Promise<Session> {
  const f = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const db = opts.db ?? (await import("../db/appDbSingleton")).appDb;
  // The server issues the token to this tablet: its pushes must then name this device.
  const device = await db.transaction("rw", db.meta, () => ensureDeviceId(db));
  const s = await requestJson<Session>(f, `${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username: username.trim(), password, device }),
  });
  const session: Session = {
    token: s.token,
    user: { username: s.user.username, role: s.user.role, province: s.user.province ?? null, team: s.user.team ?? null },
  };
  await db.meta.put({ key: META.session, value: session });
  return session;
}
