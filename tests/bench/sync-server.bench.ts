/**
 * Sync server benchmark, on PGlite and on a throwaway PostgreSQL, over real HTTP (node-server + fetch):
 * - push throughput (changes/s) beside a raw batched upsert of the same rows into a plain table of the same database;
 * - bytes on the wire per change (push body, plain and gzip-encoded) beside gzip of the bare JSON of the changes;
 * - push answer bytes per change: the compact answer the app asks
 *   for (X-Push-Answer: compact) beside the full answer an older app gets, for the same batches sent again;
 * - pull throughput (changes/s) and wire bytes per pulled change (gzip response);
 * - on PostgreSQL, 4 tablets pushing at once from 4 provinces beside the same 4 tablets in one province (whose
 *   pushes are ordered one after another, as every push was under the former global lock).
 */
import { request } from "node:http";
import { gunzipSync, gzipSync } from "node:zlib";
import { serve } from "@hono/node-server";
import type { Change } from "../../src/domain/change";
import { formatHlc } from "../../src/domain/hlc";
import { PUSH_ANSWER_HEADER } from "../../src/domain/protocol";
import { uuidv7 } from "../../src/domain/uuidv7";
import { createUser } from "../../src/server/auth/createUser";
import { issueToken } from "../../src/server/auth/issueToken";
import { createApp } from "../../src/server/createApp";
import { openStorage } from "../../src/server/openStorage";
import type { Storage } from "../../src/server/Storage";
import { startPostgres } from "../support/postgres";

const N = Number(process.env.BENCH_CHANGES ?? 10_000);
const BATCH = 500;
const FIELDS = ["outcome", "note", "severity", "naReason"] as const;
const OUTCOMES = ["conform", "partial", "nonconform", "observation", "na"];

const WORDS = ["hồ sơ", "quy trình", "đã ban hành", "chưa cập nhật", "mục tiêu chất lượng", "đánh giá nội bộ", "xem xét", "lãnh đạo", "khắc phục", "biểu mẫu", "năm 2025", "đầy đủ"];

/** Realistic-looking changes: UUIDv7 ids, advancing clocks, varied Vietnamese notes (seeded, reproducible). */
function makeChanges(label: string): Change[] {
  let s = 12345;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const bytes = () => Uint8Array.from({ length: 10 }, () => Math.floor(rnd() * 256));
  const inspections = Array.from({ length: Math.ceil(N / 200) }, (_, i) => uuidv7(1_760_000_000_000 + i * 86400_000, bytes()));
  let ms = 1_760_000_000_000;
  return Array.from({ length: N }, (_, i) => {
    const field = FIELDS[i % FIELDS.length]!;
    ms += Math.floor(rnd() * 20_000);
    const note = Array.from({ length: 4 + Math.floor(rnd() * 8) }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(" ");
    const value = field === "outcome" ? OUTCOMES[Math.floor(rnd() * 5)] : field === "severity" ? (rnd() < 0.5 ? "minor" : null) : `${note}.`;
    const insp = inspections[Math.floor(i / 200)]!;
    return {
      id: uuidv7(ms, bytes()), entity: "result", rowId: `${insp}/I.${Math.floor((i % 200) / 4)}.${label.length}`, field, value,
      hlc: formatHlc({ ms, counter: 0, device: "tab01" }), prevHlc: null, device: "tab01", user: "insp",
    };
  });
}

/** GET with gzip, counting the bytes that crossed the wire. */
function getRaw(url: string, headers: Record<string, string>): Promise<{ wire: number; json: unknown }> {
  return exchange(url, "GET", headers, null);
}

/** POST with gzip accepted, counting the answer's bytes that crossed the wire (body only, as for pull). */
function postRaw(url: string, headers: Record<string, string>, body: Uint8Array): Promise<{ wire: number; json: unknown }> {
  return exchange(url, "POST", headers, body);
}

function exchange(url: string, method: string, headers: Record<string, string>, body: Uint8Array | null): Promise<{ wire: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { ...headers, "Accept-Encoding": "gzip" } }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (d: Buffer) => parts.push(d));
      res.on("end", () => {
        const raw = Buffer.concat(parts);
        const body = res.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw;
        resolve({ wire: raw.length, json: JSON.parse(body.toString("utf8")) });
      });
      res.on("error", reject);
    }).on("error", reject);
    req.end(body ?? undefined);
  });
}

async function rawUpsert(storage: Storage, changes: Change[]): Promise<number> {
  await storage.query("create table if not exists bench_raw (entity text, row_id text, field text, value jsonb, hlc text, primary key (entity, row_id, field))");
  const t = performance.now();
  for (let i = 0; i < changes.length; i += BATCH) {
    const batch = changes.slice(i, i + BATCH).map((c) => ({ entity: c.entity, row_id: c.rowId, field: c.field, value: c.value, hlc: c.hlc }));
    await storage.transaction((tx) =>
      tx.query(
        `insert into bench_raw select * from jsonb_to_recordset($1::jsonb) as x(entity text, row_id text, field text, value jsonb, hlc text)
         on conflict (entity, row_id, field) do update set value = excluded.value, hlc = excluded.hlc`,
        [JSON.stringify(batch)],
      ),
    );
  }
  return performance.now() - t;
}

async function run(label: string, storage: Storage): Promise<void> {
  const app = createApp({ storage });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((r) => server.once("listening", r));
  const addr = server.address();
  const base = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
  const user = await createUser(storage, { username: `insp-${label}`, password: "benchmark-pw", role: "inspector", province: "P1", team: "T1" });
  const token = await issueToken(storage, user!.id, Date.now());
  const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };

  const changes = makeChanges(label);
  let wire = 0;
  let wireGz = 0;
  let compactDown = 0;
  let t = performance.now();
  for (let i = 0; i < changes.length; i += BATCH) {
    const body = JSON.stringify({ device: "tab01", changes: changes.slice(i, i + BATCH) });
    const gz = gzipSync(body);
    wire += Buffer.byteLength(body);
    wireGz += gz.length;
    const r = await postRaw(`${base}/api/sync/push`, { ...headers, "Content-Encoding": "gzip", [PUSH_ANSWER_HEADER]: "compact" }, gz);
    compactDown += r.wire;
    const j = r.json as { acceptedCount: number };
    if (j.acceptedCount !== Math.min(BATCH, changes.length - i)) throw new Error(`push rejected changes: ${JSON.stringify(j).slice(0, 300)}`);
  }
  const pushMs = performance.now() - t;
  // the same batches again as an older app sends them (answered as already accepted, every id echoed)
  let fullDown = 0;
  for (let i = 0; i < changes.length; i += BATCH) {
    const r = await postRaw(`${base}/api/sync/push`, { ...headers, "Content-Encoding": "gzip" }, gzipSync(JSON.stringify({ device: "tab01", changes: changes.slice(i, i + BATCH) })));
    fullDown += r.wire;
    if ((r.json as { accepted: string[] }).accepted.length !== Math.min(BATCH, changes.length - i)) throw new Error("full answer incomplete");
  }
  const rawMs = await rawUpsert(storage, changes);
  const bare = gzipSync(JSON.stringify(changes)).length;

  t = performance.now();
  let pulled = 0;
  let pullWire = 0;
  let cursor = "0";
  for (;;) {
    const r = await getRaw(`${base}/api/sync/pull?after=${cursor}&limit=1000`, headers);
    pullWire += r.wire;
    const j = r.json as { changes: unknown[]; cursor: string; more: boolean };
    pulled += j.changes.length;
    cursor = j.cursor;
    if (!j.more) break;
  }
  const pullMs = performance.now() - t;
  if (pulled !== N) throw new Error(`pulled ${pulled} of ${N}`);
  server.close();

  const rate = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString("en-US");
  console.log(`\n[${label}] ${N} changes in batches of ${BATCH}`);
  console.log(`  push end to end (HTTP, validate, log, merge):  ${rate(N, pushMs).padStart(8)} changes/s   (${pushMs.toFixed(0)} ms)`);
  console.log(`  baseline raw batched upsert, same rows, same DB: ${rate(N, rawMs).padStart(8)} changes/s   (${rawMs.toFixed(0)} ms)  → push costs ${(pushMs / rawMs).toFixed(1)}× raw`);
  console.log(`  push wire bytes/change: ${(wire / N).toFixed(1)} plain JSON, ${(wireGz / N).toFixed(1)} gzip-encoded   baseline gzip of bare changes JSON: ${(bare / N).toFixed(1)}`);
  console.log(`  push answer bytes/change: ${(compactDown / N).toFixed(2)} compact (app)   baseline full answer (older app): ${(fullDown / N).toFixed(2)}  → ${(fullDown / compactDown).toFixed(1)}× smaller`);
  console.log(`  round trip bytes/change (gzip up + answer down): ${((wireGz + compactDown) / N).toFixed(1)}   baseline with the full answer: ${((wireGz + fullDown) / N).toFixed(1)}`);
  console.log(`  pull: ${rate(N, pullMs).padStart(8)} changes/s (${pullMs.toFixed(0)} ms), ${(pullWire / N).toFixed(1)} wire bytes/change (gzip response)`);
}

/** 4 inspectors pushing N/4 changes each at once, in `provinces` distinct provinces; changes/s. */
async function concurrentPush(storage: Storage, label: string, provinces: number): Promise<number> {
  const app = createApp({ storage });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((r) => server.once("listening", r));
  const addr = server.address();
  const base = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
  const TABLETS = 4;
  const per = Math.floor(N / TABLETS);
  const tablets = await Promise.all(
    Array.from({ length: TABLETS }, async (_, i) => {
      const name = `c${label}${i}`;
      const user = await createUser(storage, { username: name, password: "benchmark-pw", role: "inspector", province: `PV${label}${i % provinces}`, team: `T${i}` });
      const token = await issueToken(storage, user!.id, Date.now());
      const changes = makeChanges(`${label}-${i}`).slice(0, per).map((c) => ({ ...c, id: `${name}-${c.id}`, rowId: `${name}-${c.rowId}`, user: name, device: "tab01" }));
      return { token, changes };
    }),
  );
  const t = performance.now();
  await Promise.all(
    tablets.map(async ({ token, changes }) => {
      for (let i = 0; i < changes.length; i += BATCH) {
        const body = gzipSync(JSON.stringify({ device: "tab01", changes: changes.slice(i, i + BATCH) }));
        const h = { Authorization: `Bearer ${token}`, "Content-Type": "application/json", "Content-Encoding": "gzip", [PUSH_ANSWER_HEADER]: "compact" };
        for (;;) {
          const r = await fetch(`${base}/api/sync/push`, { method: "POST", headers: h, body });
          if (r.status === 503) {
            await r.arrayBuffer();
            await new Promise((w) => setTimeout(w, 20));
            continue;
          }
          const j = (await r.json()) as { acceptedCount: number };
          if (j.acceptedCount !== Math.min(BATCH, changes.length - i)) throw new Error(`concurrent push rejected changes: ${JSON.stringify(j).slice(0, 300)}`);
          break;
        }
      }
    }),
  );
  const ms = performance.now() - t;
  server.close();
  return (per * TABLETS * 1000) / ms;
}

const lite = await openStorage({ memory: true });
await run("pglite", lite);
await lite.close();
const pg = await startPostgres();
try {
  const ps = await openStorage({ databaseUrl: pg.url });
  await run("postgres", ps);
  const one = await concurrentPush(ps, "a", 1);
  const four = await concurrentPush(ps, "b", 4);
  console.log(`\n[postgres] 4 tablets pushing ${Math.floor(N / 4) * 4} changes at once, batches of ${BATCH}`);
  console.log(`  from 4 provinces (each ordered only against its own): ${Math.round(four).toLocaleString("en-US").padStart(8)} changes/s`);
  console.log(`  baseline, the same 4 tablets in one province (ordered one after another): ${Math.round(one).toLocaleString("en-US").padStart(8)} changes/s  → ${(four / one).toFixed(2)}×`);
  await ps.close();
} finally {
  await pg.stop();
}
