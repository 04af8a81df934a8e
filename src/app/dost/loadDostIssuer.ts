import { DEFAULT_DOST_ISSUER, dostIssuerOf, type DostIssuer } from "../../domain/DostIssuer";
import { EMPTY_ISSUER_FIELDS, type IssuerFields } from "../../domain/issuerSettings";
import type { AppDb } from "../db/AppDb";
import { loadIssuerSettings } from "../db/loadIssuerSettings";

/** Where a console kept its issuer before the settings synced (read once more, until DOST saves the synced ones). */
export const DOST_ISSUER_KEY = "htqlcl.dost.issuer";

/** The issuer settings a console set on this device before they synced, as the synced record's fields. */
export function legacyIssuerFields(): IssuerFields | undefined {
  try {
    const raw = globalThis.localStorage?.getItem(DOST_ISSUER_KEY);
    if (!raw) return undefined;
    const v = { ...DEFAULT_DOST_ISSUER, ...(JSON.parse(raw) as Partial<DostIssuer>) };
    const sym = v.symbol.trim();
    const unit = v.draftingUnit?.trim() ?? "";
    return {
      ...EMPTY_ISSUER_FIELDS,
      parentBody: v.parentBody,
      issuingBody: v.issuingBody,
      issuingBodyName: v.issuingBodyName,
      inspectingUnit: v.inspectingUnit,
      place: v.provinceName,
      symbols: sym ? { record: "", letter: unit ? `${sym}-${unit}` : "", plan: `KH-${sym}`, notice: `TB-${sym}`, report: `BC-${sym}` } : EMPTY_ISSUER_FIELDS.symbols,
      signerHeading: v.signer?.heading ?? [],
      signerName: v.signer?.name ?? "",
      draftingUnit: unit,
      recipients: v.letterRecipients ?? [],
    };
  } catch {
    return undefined;
  }
}

/** Who issues the province's DOST documents: its synced issuer settings (blank ones take the defaults). */
export async function loadDostIssuer(db: AppDb, province: string): Promise<DostIssuer> {
  return dostIssuerOf((await loadIssuerSettings(db, province)) ?? legacyIssuerFields() ?? EMPTY_ISSUER_FIELDS);
}
