import { useLiveQuery } from "dexie-react-hooks";
import { META } from "../db/META";
import type { Session } from "../db/Session";
import { useDb } from "../shell/DbContext";

/** The logged-in session from `meta`: undefined while loading, null when logged out. */
export function useSession(): Session | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => ((await db.meta.get(META.session))?.value as Session | undefined) ?? null, [db]);
}
