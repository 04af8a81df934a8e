import type { AppDb } from "../db/AppDb";
import type { Edit } from "../db/Edit";
import { rowTable } from "../db/rowTable";
import { writeEdits } from "../db/writeEdits";

/**
 * Text still in its typing pause, mirrored so a reload, a crash or a killed browser loses none of it: synchronously
 * in localStorage (it survives a reload at once, whatever IndexedDB was doing), and in the `meta` table (a killed
 * browser may not have flushed localStorage to disk). Each entry holds the edits that would save it; the next start
 * saves those that did not reach the data (`recoverDrafts`). An entry leaves once its edits committed.
 */
export interface FieldDraft {
  edits: Edit[];
  at: number;
}

const PREFIX = "ui.draft:";
const storageKey = (db: AppDb, key: string) => `htqlcl:${db.name}:${PREFIX}${key}`;

/** The key of a draft: the row field its last edit writes. */
export function draftKey(edits: readonly Edit[]): string {
  const e = edits[edits.length - 1]!;
  return `${e.entity}|${e.rowId}|${e.field}`;
}

function local(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

/** Mirror one field's edits now (called on every keystroke). Never throws: a full storage only loses the mirror. */
export function mirrorDraft(db: AppDb, edits: Edit[], now = Date.now()): void {
  if (edits.length === 0) return;
  const key = draftKey(edits);
  const draft: FieldDraft = { edits, at: now };
  try {
    local()?.setItem(storageKey(db, key), JSON.stringify(draft));
  } catch {
    // quota or a disabled storage: the meta copy below still holds it
  }
  void db.meta.put({ key: PREFIX + key, value: draft }).catch(() => undefined);
}

/** Forget a field's mirror once `edits` committed, unless newer typing replaced it meanwhile. */
export function dropDraft(db: AppDb, edits: Edit[]): void {
  if (edits.length === 0) return;
  const key = draftKey(edits);
  const same = (d: unknown) => JSON.stringify((d as FieldDraft | undefined)?.edits) === JSON.stringify(edits);
  const ls = local();
  try {
    const raw = ls?.getItem(storageKey(db, key));
    if (raw && same(JSON.parse(raw))) ls?.removeItem(storageKey(db, key));
  } catch {
    // unreadable entry: recovery drops it
  }
  void db
    .transaction("rw", db.meta, async () => {
      const row = await db.meta.get(PREFIX + key);
      if (row && same(row.value)) await db.meta.delete(PREFIX + key);
    })
    .catch(() => undefined);
}

const equal = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * At start: save every mirrored draft whose value is not in the data yet (typed less than a pause before a reload,
 * a crash or a kill), then forget them all. Returns how many fields were recovered.
 */
export function recoverDrafts(db: AppDb): Promise<number> {
  // Once per database object: a second mount (React's strict mode) must not save the same drafts twice.
  let run = recovering.get(db);
  if (!run) recovering.set(db, (run = recoverOnce(db)));
  return run;
}

const recovering = new WeakMap<AppDb, Promise<number>>();

async function recoverOnce(db: AppDb): Promise<number> {
  const found = new Map<string, FieldDraft>();
  const take = (key: string, d: unknown) => {
    const draft = d as FieldDraft;
    if (!draft || !Array.isArray(draft.edits) || draft.edits.length === 0) return;
    const had = found.get(key);
    if (!had || draft.at >= had.at) found.set(key, draft);
  };
  const ls = local();
  const lsPrefix = storageKey(db, "");
  const lsKeys: string[] = [];
  for (let i = 0; ls && i < ls.length; i++) {
    const k = ls.key(i);
    if (k?.startsWith(lsPrefix)) lsKeys.push(k);
  }
  for (const k of lsKeys) {
    try {
      take(k.slice(lsPrefix.length), JSON.parse(ls!.getItem(k) ?? "null"));
    } catch {
      // unreadable: dropped below
    }
  }
  const metaRows = await db.meta.where("key").startsWith(PREFIX).toArray();
  for (const r of metaRows) take(r.key.slice(PREFIX.length), r.value);

  let recovered = 0;
  for (const draft of found.values()) {
    const todo: Edit[] = [];
    for (const e of draft.edits) {
      const row = await rowTable.get(db, e.entity, e.rowId);
      if (!row || !equal(row[e.field], e.value)) todo.push(e);
    }
    if (todo.length === 0) continue;
    try {
      await writeEdits(db, todo);
      recovered++;
    } catch {
      // refused (a record signed meanwhile) or invalid: nothing more can be done with it
    }
  }
  for (const k of lsKeys) ls?.removeItem(k);
  await db.meta.bulkDelete(metaRows.map((r) => r.key));
  return recovered;
}


/**
 * A form that is not a record yet (the start form) keeps its state the same two ways: synchronously in
 * localStorage and in the `meta` table, under `ui.form:<key>`, until it is submitted.
 */
const FORM = "ui.form:";
const formStorageKey = (db: AppDb, key: string) => `htqlcl:${db.name}:${FORM}${key}`;

export function readFormDraftNow(db: AppDb, key: string): unknown {
  try {
    const raw = local()?.getItem(formStorageKey(db, key));
    return raw ? (JSON.parse(raw) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

export async function readFormDraft(db: AppDb, key: string): Promise<unknown> {
  return readFormDraftNow(db, key) ?? (await db.meta.get(FORM + key).catch(() => undefined))?.value;
}

export function writeFormDraft(db: AppDb, key: string, value: unknown): void {
  try {
    local()?.setItem(formStorageKey(db, key), JSON.stringify(value));
  } catch {
    // the meta copy still holds it
  }
  void db.meta.put({ key: FORM + key, value }).catch(() => undefined);
}

export async function clearFormDraft(db: AppDb, key: string): Promise<void> {
  local()?.removeItem(formStorageKey(db, key));
  await db.meta.delete(FORM + key).catch(() => undefined);
}
