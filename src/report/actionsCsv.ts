import type { InspectionExport } from "../domain/inspectionExport";
import { toCsv } from "./csv/toCsv";
import { actionRows } from "./tables/actionRows";

/** Corrective actions of one or more inspections as CSV (UTF-8 BOM, formula-safe). */
export function actionsCsv(exps: readonly InspectionExport[]): string {
  return toCsv(actionRows(exps));
}
