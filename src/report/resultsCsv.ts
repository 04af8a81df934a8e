import type { InspectionExport } from "../domain/inspectionExport";
import { toCsv } from "./csv/toCsv";
import { resultRows } from "./tables/resultRows";

/** Results of one or more inspections as CSV (UTF-8 BOM, formula-safe). */
export function resultsCsv(exps: readonly InspectionExport[]): string {
  return toCsv(resultRows(exps));
}
