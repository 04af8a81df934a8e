/** Browser side of tests/bench/app-db.bench.ts: the real tablet data layer, bundled for Chromium. */
import { openAppDb } from "../../../src/app/db/openAppDb";
import { scoreCriterion } from "../../../src/app/db/scoreCriterion";
import { writeEdits } from "../../../src/app/db/writeEdits";
import { resultId } from "../../../src/domain/result";
import { OUTCOMES } from "../../../src/domain/outcome";
import { formatHlc } from "../../../src/domain/hlc";
import type { AppDb } from "../../../src/app/db/AppDb";
import type { ResultRow } from "../../../src/app/db/rowTypes";
import type { Change } from "../../../src/domain/change";

let db: AppDb;
let raw: IDBDatabase;
const INSPECTIONS = 50;

/** 10,000 results already stored: `n` results spread over 50 inspections, with their changes, as sync would leave them. */
async function seed(n: number): Promise<number> {
  db = openAppDb(`bench-${Date.now()}`);
  await writeEdits(db, [{ entity: "inspection", rowId: "insp-0", field: "status", value: "draft" }]);
  const per = Math.ceil(n / INSPECTIONS);
  const rows: ResultRow[] = [];
  const changes: Change[] = [];
  for (let i = 0; i < n; i++) {
    const insp = `insp-${i % INSPECTIONS}`;
    const code = `C.${Math.floor(i / INSPECTIONS)}.${i % per}`;
    const id = resultId(insp, code);
    const hlc = formatHlc({ ms: 1_700_000_000_000 + i, counter: 0, device: "SEED" });
    rows.push({ id, inspectionId: insp, _inspectionId: insp, criterionCode: code, outcome: OUTCOMES[i % 5]!, _hlc: { outcome: hlc } });
    changes.push({ id: `seed-${i}`, entity: "result" as const, rowId: id, field: "outcome", value: OUTCOMES[i % 5]!, hlc, prevHlc: null, device: "SEED", user: "seed" });
  }
  await db.transaction("rw", db.results, db.changes, async () => {
    await db.results.bulkPut(rows);
    await db.changes.bulkPut(changes);
  });
  raw = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(`raw-${Date.now()}`, 1);
    req.onupgradeneeded = () => req.result.createObjectStore("s", { keyPath: "id" });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  return db.results.count();
}

/** One tap on an outcome button until "Đã lưu trên máy" could show: writeEdits resolved (transaction committed). */
async function score(i: number): Promise<number> {
  const t0 = performance.now();
  await scoreCriterion(db, { inspectionId: `insp-${i % INSPECTIONS}`, criterionCode: `C.0.${i % 7}`, outcome: OUTCOMES[i % 5]! });
  return performance.now() - t0;
}

/** Baseline: one put of a result-sized record in its own strict-durability transaction. */
async function rawPut(i: number): Promise<number> {
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = raw.transaction("s", "readwrite", { durability: "strict" });
    tx.objectStore("s").put({ id: `r${i % 7}`, inspectionId: "insp-0", criterionCode: `C.0.${i % 7}`, outcome: OUTCOMES[i % 5] });
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  return performance.now() - t0;
}

(globalThis as unknown as { appDbBench: unknown }).appDbBench = { seed, score, rawPut };
