import { useLiveQuery } from "dexie-react-hooks";
import { checklistRowId } from "../../domain/checklistRecord";
import type { Checklist } from "../../domain/checklist";
import { useDb } from "../shell/DbContext";

/** The pinned checklist version of an inspection: from the tablet database, else from the built-in ones. */
export function useChecklist(id: string | undefined, version: string | undefined): Checklist | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    if (!id || !version) return null;
    const row = await db.checklists.get(checklistRowId(id, version));
    if (row?.document) return row.document;
    return (await import("../../checklists/builtinChecklists")).BUILTIN_CHECKLISTS.find((c) => c.id === id && c.version === version) ?? null;
  }, [db, id, version]);
}
