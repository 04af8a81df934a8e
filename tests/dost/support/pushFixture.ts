import { issueToken } from "../../../src/server/auth/issueToken";
import { createUser } from "../../../src/server/auth/createUser";
import type { createApp } from "../../../src/server/createApp";
import type { Storage } from "../../../src/server/Storage";
import type { ProvinceFixture } from "./provinceFixture";

type App = ReturnType<typeof createApp>;

/** Creates the fixture's users (and an admin) and pushes every team's changes through POST /api/sync/push. */
export async function pushFixture(app: App, storage: Storage, fx: ProvinceFixture, nowMs: number): Promise<{ tokens: Map<string, string>; rejected: { id: string; reason: string }[] }> {
  const tokens = new Map<string, string>();
  for (const u of [...fx.users, { username: "admin", role: "admin" as const, province: null, team: null }]) {
    const created = await createUser(storage, { username: u.username, password: "mat-khau-thu", role: u.role, province: u.province, team: u.team });
    if (!created) throw new Error(`user ${u.username} exists`);
    tokens.set(u.username, await issueToken(storage, created.id, nowMs));
  }
  const rejected: { id: string; reason: string }[] = [];
  for (const p of fx.pushes) {
    for (let i = 0; i < p.changes.length; i += 2000) {
      const res = await app.request("/api/sync/push", {
        method: "POST",
        headers: { authorization: `Bearer ${tokens.get(p.username)}`, "content-type": "application/json" },
        body: JSON.stringify({ device: p.changes[i]?.device ?? "x", changes: p.changes.slice(i, i + 2000) }),
      });
      if (res.status !== 200) throw new Error(`push by ${p.username}: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { rejected: { id: string; reason: string }[] };
      rejected.push(...body.rejected);
    }
  }
  return { tokens, rejected };
}
