import { issueToken } from "../../../src/server/auth/issueToken";
import { createUser } from "../../../src/server/auth/createUser";
import type { createApp } from "../../../src/server/createApp";
import type { Storage } from "../../../src/server/Storage";
import { TEST_HASH } from "../../server/serverHarness";
import type { ProvinceFixture } from "./provinceFixture";

type App = ReturnType<typeof createApp>;

/**
 * Creates the fixture's users (and an admin) and pushes every team's changes through POST /api/sync/push, each
 * device's changes from that device (the server refuses a change made on another device than the pushing one).
 */
export async function pushFixture(app: App, storage: Storage, fx: ProvinceFixture, nowMs: number): Promise<{ tokens: Map<string, string>; rejected: { id: string; reason: string }[] }> {
  const tokens = new Map<string, string>();
  for (const u of [...fx.users, { username: "admin", role: "admin" as const, province: null, team: null }]) {
    const created = await createUser(storage, { username: u.username, password: "mat-khau-thu", role: u.role, province: u.province, team: u.team }, TEST_HASH);
    if (!created) throw new Error(`user ${u.username} exists`);
    tokens.set(u.username, await issueToken(storage, created.id, nowMs));
  }
  const rejected: { id: string; reason: string }[] = [];
  for (const p of fx.pushes) {
    const byDevice = new Map<string, typeof p.changes>();
    for (const c of p.changes) {
      const list = byDevice.get(c.device);
      if (list) list.push(c);
      else byDevice.set(c.device, [c]);
    }
    for (const [device, changes] of byDevice) {
      for (let i = 0; i < changes.length; i += 2000) {
        const res = await app.request("/api/sync/push", {
          method: "POST",
          headers: { authorization: `Bearer ${tokens.get(p.username)}`, "content-type": "application/json" },
          body: JSON.stringify({ device, changes: changes.slice(i, i + 2000) }),
        });
        if (res.status !== 200) throw new Error(`push by ${p.username}: ${res.status} ${await res.text()}`);
        const body = (await res.json()) as { rejected: { id: string; reason: string }[] };
        rejected.push(...body.rejected);
      }
    }
  }
  return { tokens, rejected };
}
