import { useCallback } from "react";
import type { Edit } from "../db/Edit";
import { writeEdits } from "../db/writeEdits";
import { useDb } from "../shell/DbContext";
import { runSave } from "./runSave";

/** Save edits through the data layer, tracked by the "Đã lưu trên máy" status; resolves true once committed. */
export function useEdit(): (edits: Edit[]) => Promise<boolean> {
  const db = useDb();
  return useCallback((edits: Edit[]) => runSave(() => writeEdits(db, edits)), [db]);
}
