import { EMPTY_ISSUER_FIELDS, IssuerFieldsSchema, issuerSettingsRowId, type IssuerFields } from "../../domain/issuerSettings";
import type { AppDb } from "./AppDb";
import { rowTable } from "./rowTable";

/** The province's issuer settings as synced to this device (fields not yet written read as empty), or undefined
 * when DOST has not set them. */
export async function loadIssuerSettings(db: AppDb, province: string): Promise<IssuerFields | undefined> {
  const row = await rowTable.get(db, "issuer", issuerSettingsRowId(province));
  if (!row) return undefined;
  const given = Object.fromEntries(Object.entries(row).filter(([k, v]) => !k.startsWith("_") && v !== undefined));
  const parsed = IssuerFieldsSchema.safeParse({ ...EMPTY_ISSUER_FIELDS, ...given, symbols: { ...EMPTY_ISSUER_FIELDS.symbols, ...(given.symbols as object | undefined) } });
  return parsed.success ? parsed.data : undefined;
}
