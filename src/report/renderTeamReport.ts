import type { InspectionExport } from "../domain/inspectionExport";
import { renderDocument } from "./pdf/renderDocument";
import { buildTeamReportModel } from "./team/buildTeamReportModel";
import type { TeamReportOptions } from "./team/buildTeamReportModel";

/** The team's report on a set of inspections as PDF bytes. */
export async function renderTeamReport(exps: readonly InspectionExport[], opts: TeamReportOptions = {}): Promise<Uint8Array> {
  return renderDocument(buildTeamReportModel(exps, opts));
}
