import { readFileSync } from "node:fs";
import { ChecklistSchema, type Checklist } from "../../src/domain/checklist";
import type { AppDb } from "../../src/app/db/AppDb";
import { applyRemoteChanges } from "../../src/app/db/applyRemoteChanges";

/** The built-in TT 26 Art. 36 checklist. */
export function tt26(): Checklist {
  return ChecklistSchema.parse(JSON.parse(readFileSync(new URL("../../checklists/tt26-dieu-36@1.json", import.meta.url), "utf8")));
}

/** Every scored criterion code of a checklist. */
export function scoredCodes(cl: Checklist): string[] {
  return cl.sections.filter((s) => s.scored).flatMap((s) => s.items.flatMap((i) => i.criteria.map((c) => c.code)));
}

/** An agency as DOST published it (pulled from the server). */
export async function seedAgency(db: AppDb, id = "ag-muong-ly"): Promise<string> {
  const fields = { name: "UBND xã Mường Lý", kind: "commune_committee", parentId: null, province: "TH", validFrom: null, validTo: null, successorId: null, successorKind: null, needsReview: false };
  await applyRemoteChanges(
    db,
    Object.entries(fields).map(([field, value], i) => ({
      id: `seed-${id}-${field}`,
      entity: "agency",
      rowId: id,
      field,
      value,
      hlc: `000001700000000:${String(i).padStart(5, "0")}:DOST`,
      prevHlc: null,
      device: "DOST",
      user: "dost",
    })),
  );
  return id;
}

/** Deterministic "photo" bytes. */
export function photoBytes(n: number, seed: number): ArrayBuffer {
  const b = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b.buffer;
}
