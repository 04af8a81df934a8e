import { IssuerSchema } from "../../domain/inspectionExport";
import type { AppDb } from "./AppDb";
import { META } from "./META";
import type { RecordIssuer } from "./RecordIssuer";

/** The record issuer set in Settings, or undefined when never set (the record then uses its defaults). */
export async function loadRecordIssuer(db: AppDb): Promise<RecordIssuer | undefined> {
  const parsed = IssuerSchema.safeParse((await db.meta.get(META.recordIssuer))?.value);
  return parsed.success ? parsed.data : undefined;
}
