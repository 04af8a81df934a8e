import { canonicalJson } from "../../domain/canonicalJson";
import { issuerSymbolProblems } from "../../domain/issuerProblems";
import { EMPTY_ISSUER_FIELDS, issuerSettingsRowId, type IssuerFields } from "../../domain/issuerSettings";
import type { AppDb } from "./AppDb";
import type { Edit } from "./Edit";
import { loadIssuerSettings } from "./loadIssuerSettings";
import { writeEdits, type WriteOptions } from "./writeEdits";
import { WriteRefusedError } from "./WriteRefusedError";

const clean = (s: string) => s.normalize("NFC").trim();

/**
 * Changes some of the province's issuer settings (DOST; the server refuses anyone else). Text is trimmed and NFC,
 * blank lines dropped. Refused, with nothing written, while a number symbol does not abbreviate the issuing body
 * (NĐ 30/2020): the whole province's documents would carry it.
 */
export async function saveIssuerSettings(db: AppDb, province: string, patch: Partial<IssuerFields>, opts: WriteOptions = {}): Promise<IssuerFields> {
  const before = await loadIssuerSettings(db, province);
  const next = { ...EMPTY_ISSUER_FIELDS, ...before, ...patch };
  const value: IssuerFields = {
    parentBody: clean(next.parentBody),
    issuingBody: clean(next.issuingBody),
    issuingBodyName: clean(next.issuingBodyName),
    inspectingUnit: clean(next.inspectingUnit),
    place: clean(next.place),
    symbols: {
      record: clean(next.symbols.record),
      letter: clean(next.symbols.letter),
      plan: clean(next.symbols.plan),
      notice: clean(next.symbols.notice),
      report: clean(next.symbols.report),
    },
    signerHeading: next.signerHeading.map(clean).filter(Boolean),
    signerName: clean(next.signerName),
    draftingUnit: clean(next.draftingUnit),
    recipients: next.recipients.map((r) => clean(r).replace(/^[-–•]\s*/u, "").replace(/[;.]+$/u, "")).filter(Boolean),
  };
  const problems = issuerSymbolProblems(value);
  if (problems.length > 0) throw new WriteRefusedError(problems.join(" "));
  const rowId = issuerSettingsRowId(province);
  const edits: Edit[] = before ? [] : [{ entity: "issuer", rowId, field: "province", value: province }];
  for (const [field, v] of Object.entries(value)) {
    if (!before || canonicalJson(before[field as keyof IssuerFields]) !== canonicalJson(v)) edits.push({ entity: "issuer", rowId, field, value: v });
  }
  if (edits.length > 0) await writeEdits(db, edits, opts);
  return value;
}
