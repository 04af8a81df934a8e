import type { IssuerFields, IssuerSymbolKind } from "./issuerSettings";
import { issuerSymbolProblem } from "./issuerSymbolProblem";

/** What is still unset in the province's issuer settings, in Vietnamese and English (empty: nothing). */
export function issuerGaps(f: IssuerFields | undefined): { vi: string; en: string }[] {
  if (!f) return [{ vi: "chưa có thông tin cơ quan ban hành của tỉnh", en: "the province's issuer settings are not set" }];
  const gaps: { vi: string; en: string }[] = [];
  const need = (v: string, vi: string, en: string) => (v.trim() ? undefined : gaps.push({ vi, en }));
  need(f.parentBody, "cơ quan chủ quản", "parent body");
  need(f.issuingBody, "cơ quan ban hành", "issuing body");
  need(f.place, "địa danh", "place");
  need(f.symbols.record, "ký hiệu biên bản", "record symbol");
  need(f.draftingUnit, "đơn vị soạn thảo (dòng Lưu)", "drafting unit (Lưu line)");
  return gaps;
}

/** Why the settings cannot be saved or frozen (symbols that do not match the issuing body), in Vietnamese. */
export function issuerSymbolProblems(f: IssuerFields): string[] {
  return (Object.keys(f.symbols) as IssuerSymbolKind[])
    .map((k) => issuerSymbolProblem(k, f.issuingBody, f.symbols[k], f.draftingUnit))
    .filter((p): p is string => p !== null);
}
