import { useLiveQuery } from "dexie-react-hooks";
import type { AgencyRow, AttachmentRow, FindingRow, ActionRow, InspectionRow, ResultRow } from "../db/rowTypes";
import { useDb } from "../shell/DbContext";

export interface InspectionData {
  inspection: InspectionRow | undefined;
  agency: AgencyRow | undefined;
  results: Map<string, ResultRow>;
  findings: FindingRow[];
  actions: ActionRow[];
  attachments: AttachmentRow[];
}

/** Everything of one inspection, live: edits from this screen or from sync show up by themselves. */
export function useInspectionData(id: string): InspectionData | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const inspection = await db.inspections.get(id);
    const [agency, results, findings, actions, attachments] = await Promise.all([
      inspection?.agencyId ? db.agencies.get(inspection.agencyId) : undefined,
      db.results.where("inspectionId").equals(id).toArray(),
      db.findings.where("inspectionId").equals(id).toArray(),
      db.actions.where("inspectionId").equals(id).toArray(),
      db.attachments.where("inspectionId").equals(id).toArray(),
    ]);
    return {
      inspection,
      agency,
      results: new Map(results.map((r) => [r.criterionCode ?? r.id, r])),
      findings: findings.filter((f) => !f.deleted),
      actions: actions.filter((a) => !a.deleted),
      attachments: attachments.filter((a) => !a.deleted),
    };
  }, [db, id]);
}
