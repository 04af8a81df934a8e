import type { AppDb } from "./AppDb";
import { loadRecordIssuer } from "./loadRecordIssuer";
import { META } from "./META";
import type { RecordIssuer } from "./RecordIssuer";

const EMPTY: RecordIssuer = { parentBody: "", issuingBody: "", place: "", symbol: "", recipients: [] };

/**
 * Changes some fields of the record issuer. Read and written in one transaction, so two fields committed at once
 * (each text field saves itself) do not overwrite each other. Text is trimmed and NFC; blank recipients dropped.
 */
export async function saveRecordIssuer(db: AppDb, patch: Partial<RecordIssuer>): Promise<RecordIssuer> {
  return db.transaction("rw", db.meta, async () => {
    const next = { ...EMPTY, ...(await loadRecordIssuer(db)), ...patch };
    const clean = (s: string) => s.trim().normalize("NFC");
    const value: RecordIssuer = {
      parentBody: clean(next.parentBody),
      issuingBody: clean(next.issuingBody),
      place: clean(next.place),
      symbol: clean(next.symbol),
      recipients: (next.recipients ?? []).map(clean).filter(Boolean),
    };
    await db.meta.put({ key: META.recordIssuer, value });
    return value;
  });
}
