import { useLiveQuery } from "dexie-react-hooks";
import { useCallback, useMemo, useState } from "react";
import { dostIssuerOf, type DostIssuer } from "../../domain/DostIssuer";
import { EMPTY_ISSUER_FIELDS, type IssuerFields } from "../../domain/issuerSettings";
import { loadIssuerSettings } from "../db/loadIssuerSettings";
import { saveIssuerSettings } from "../db/saveIssuerSettings";
import { useDb } from "../shell/DbContext";
import { legacyIssuerFields } from "./loadDostIssuer";

export interface DostIssuerState {
  /** The settings as shown in the form: what is being typed, else what is synced. */
  fields: IssuerFields;
  /** Whether the province has synced settings at all. */
  synced: boolean;
  /** The documents' issuer from `fields`. */
  issuer: DostIssuer;
  edit: (patch: Partial<IssuerFields>) => void;
  /** Saves what was typed (synced to every device of the province); a refusal is kept in `error`. */
  commit: () => Promise<void>;
  error: string;
}

/** The province's issuer settings in the console: typed into a draft, saved on leaving a field. */
export function useDostIssuer(province: string): DostIssuerState {
  const db = useDb();
  const stored = useLiveQuery(async () => (await loadIssuerSettings(db, province)) ?? null, [db, province]);
  const [draft, setDraft] = useState<IssuerFields | null>(null);
  const [error, setError] = useState("");
  const fields = draft ?? stored ?? legacyIssuerFields() ?? EMPTY_ISSUER_FIELDS;
  const edit = useCallback((patch: Partial<IssuerFields>) => setDraft((d) => ({ ...(d ?? fields), ...patch })), [fields]);
  const commit = useCallback(async () => {
    if (!draft) return;
    const saving = draft;
    try {
      await saveIssuerSettings(db, province, saving);
      // what was typed meanwhile (in the next field) stays a draft
      setDraft((d) => (d === saving ? null : d));
      setError("");
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [db, province, draft]);
  const issuer = useMemo(() => dostIssuerOf(fields), [fields]);
  return { fields, synced: !!stored, issuer, edit, commit, error };
}
