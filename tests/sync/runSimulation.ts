import type { AppDb } from "../../src/app/db/AppDb";
import { addPhoto } from "../../src/app/db/addPhoto";
import { applyRemoteChanges } from "../../src/app/db/applyRemoteChanges";
import { createInspection } from "../../src/app/db/createInspection";
import { finalizeInspection } from "../../src/app/db/finalizeInspection";
import { META } from "../../src/app/db/META";
import { reopenInspection } from "../../src/app/db/reopenInspection";
import { scoreCriterion } from "../../src/app/db/scoreCriterion";
import { writeEdits } from "../../src/app/db/writeEdits";
import { WriteRefusedError } from "../../src/app/db/WriteRefusedError";
import { exportBundle, importBundle } from "../../src/app/sync/bundle";
import { SyncEngine } from "../../src/app/sync/SyncEngine";
import { resultId } from "../../src/domain/result";
import { OUTCOMES } from "../../src/domain/outcome";
import type { ServerUser } from "../../src/server/auth/ServerUser";
import { createApp } from "../../src/server/createApp";
import type { Storage } from "../../src/server/Storage";
import { testDb } from "../app-db/testDb";
import type { faultyStorage } from "./faultyStorage";
import { simInvariants } from "./simInvariants";
import { SimRandom } from "./simRandom";

export interface SimUser { user: ServerUser; token: string }
export interface SimWorld { raw: Storage; storage: ReturnType<typeof faultyStorage>; lead: SimUser; inspectors: SimUser[] }

const DAY = 86_400_000;
const CODES = ["I.1.1", "I.1.2", "II.a.1"];
const BASE = "http://sim.test";

interface Client { db: AppDb; engine: SyncEngine; user: SimUser; skew: number; partitioned: boolean; rng: SimRandom }

/**
 * One seeded run: 2–10 tablets of one team edit shared inspections offline (scores, notes, photos, status; sync
 * bundles carried between tablets) and sync through a faulty network
 * (dropped requests, responses lost after commit, duplicates, stale replays, partitions) against the real
 * server, which restarts and crashes mid-transaction; device clocks are off by up to ±30 days. Then the network
 * heals, everyone syncs, and the invariants are checked. Returns the problems found (empty = pass).
 */
export async function runSimulation(world: SimWorld, seed: number): Promise<string[]> {
  const rng = new SimRandom(seed);
  await world.raw.query("truncate changes, rows, blobs, blob_owners, server_meta restart identity cascade");
  let app = createApp({ storage: world.storage });
  let faults = true;
  let simNow = Date.UTC(2026, 4, 10, 7) + rng.int(0, 30) * DAY;
  const pushes: { body: BodyInit; headers: Record<string, string> }[] = [];

  const n = 2 + Math.floor(rng.next() ** 3 * 9); // mostly 2–4 tablets, now and then up to 10
  const clients: Client[] = [];
  for (let i = 0; i < n; i++) {
    const user = i === 0 ? world.lead : world.inspectors[(i - 1) % world.inspectors.length]!;
    const db = testDb(`sim${seed}-${i}`);
    const crng = new SimRandom(seed * 977 + i);
    const c: Client = { db, user, skew: rng.chance(0.3) ? 0 : rng.int(-30 * DAY, 30 * DAY), partitioned: false, rng: crng, engine: null as unknown as SyncEngine };
    const fetchFn: typeof fetch = async (input, init) => {
      if (c.partitioned) throw new TypeError("network unreachable (partition)");
      if (faults && crng.chance(0.08)) throw new TypeError("request dropped");
      if (init?.method === "POST" && init.body) pushes.push({ body: init.body, headers: { ...(init.headers as Record<string, string>) } });
      const send = () => app.fetch(new Request(String(input), init));
      let res = await send();
      if (faults && crng.chance(0.08)) res = await send(); // delivered twice: the client sees the second answer
      if (faults && crng.chance(0.08)) throw new TypeError("response lost after commit");
      return res;
    };
    c.engine = new SyncEngine({ db, baseUrl: BASE, fetch: fetchFn, getToken: () => user.token, now: () => simNow + c.skew, locks: null, pushBatch: rng.pick([3, 50, 500]) });
    const u = user.user;
    await db.meta.put({ key: META.session, value: { token: user.token, user: { username: u.username, role: u.role, province: u.province, team: u.team } } });
    clients.push(c);
  }
  const now = (c: Client) => simNow + c.skew;
  const tolerate = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      if (!(e instanceof WriteRefusedError)) throw e;
    }
  };

  // Setup: the lead starts the shared inspections; everyone gets them over a good link.
  const lead = clients[0]!;
  const inspections: string[] = [];
  for (let k = rng.int(1, 2); k > 0; k--) {
    inspections.push(
      await createInspection(lead.db, { agencyId: "ag1", checklistId: "tt26-dieu-36", checklistVersion: "1", mode: "onsite", teamId: String(world.lead.user.team), province: String(world.lead.user.province), startedOn: "2026-05-10" }, { now: now(lead) }),
    );
  }
  // The lead pushes them over a good link; the others receive them as from a pull (the same merge path).
  faults = false;
  await lead.engine.syncNow();
  faults = true;
  const setup = await lead.db.changes.toArray();
  for (const c of clients.slice(1)) await applyRemoteChanges(c.db, setup, undefined, { now: now(c) });

  const steps = rng.int(5, 15);
  for (let s = 0; s < steps; s++) {
    simNow += rng.int(1, 120_000);
    const c = rng.pick(clients);
    const insp = rng.pick(inspections);
    const r = rng.next();
    if (r < 0.5) {
      const code = rng.pick(CODES);
      const what = rng.int(0, 2);
      const edit =
        what === 0
          ? scoreCriterion(c.db, { inspectionId: insp, criterionCode: code, outcome: rng.pick(OUTCOMES) }, { now: now(c) })
          : what === 1
            ? scoreCriterion(c.db, { inspectionId: insp, criterionCode: code, note: `ghi chú ${rng.int(0, 3)}` }, { now: now(c) })
            : writeEdits(c.db, [{ entity: "inspection", rowId: insp, field: "notes", value: `biên bản ${rng.int(0, 3)}` }], { now: now(c) });
      // sometimes the tablet edits while its own sync runs
      if (rng.chance(0.2)) await Promise.all([tolerate(edit), c.engine.syncNow()]);
      else await tolerate(edit);
    } else if (r < 0.7) {
      const group = clients.filter(() => rng.chance(0.5));
      await Promise.all((group.length > 0 ? group : [c]).map((x) => x.engine.syncNow()));
    } else if (r < 0.77) {
      c.partitioned = !c.partitioned;
    } else if (r < 0.81) {
      world.storage.armCrash(rng.int(2, 9));
    } else if (r < 0.84) {
      app = createApp({ storage: world.storage }); // restart: a new process over the same database
    } else if (r < 0.87) {
      const bytes = new Uint8Array(rng.int(200, 2000)).map(() => rng.int(0, 255));
      await addPhoto(c.db, { inspectionId: insp, ownerId: resultId(insp, rng.pick(CODES)), bytes: bytes.buffer, mime: "image/jpeg", caption: "minh chứng" }, { now: now(c) });
    } else if (r < 0.9) {
      // a sync bundle carried by hand to another tablet, which passes it on at its next sync
      const to = rng.pick(clients.filter((x) => x !== c));
      await importBundle(to.db, await exportBundle(c.db, { now: now(c) }), { now: now(to) });
    } else if (r < 0.96) {
      if (c === lead) {
        const status = (await lead.db.inspections.get(insp))?.status;
        await tolerate(status === "finalized" ? reopenInspection(lead.db, insp, { now: now(lead) }) : finalizeInspection(lead.db, insp, { signedOn: "2026-05-12", recordNumber: "05", leadName: "Nguyễn Thị Lan", agencyRepresentative: "Hà Văn Cường" }, { now: now(lead) }));
      } else {
        // Inspectors move `status` to submitted, concurrently with the lead's finalize and reopen.
        await tolerate(writeEdits(c.db, [{ entity: "inspection", rowId: insp, field: "status", value: "submitted" }], { now: now(c) }));
      }
    } else if (pushes.length > 0) {
      const old = rng.pick(pushes); // a stale request arriving late
      await app.fetch(new Request(`${BASE}/api/sync/push`, { method: "POST", headers: old.headers, body: old.body }));
    }
  }

  // Heal and converge.
  faults = false;
  world.storage.armCrash(Number.POSITIVE_INFINITY);
  for (const c of clients) c.partitioned = false;
  const problems: string[] = [];
  for (let round = 0; round < 2; round++) {
    for (const [i, c] of clients.entries()) {
      const st = await c.engine.syncNow();
      if (st.phase !== "idle") problems.push(`client ${i}: sync ended ${st.phase}: ${st.error ?? ""}`);
    }
  }
  problems.push(...(await simInvariants(world.raw, clients.map((c) => c.db))));
  for (const c of clients) c.db.close();
  return problems;
}
