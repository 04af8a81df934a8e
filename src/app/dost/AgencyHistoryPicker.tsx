import { useLiveQuery } from "dexie-react-hooks";
import { useState } from "react";
import { foldVietnamese } from "../../domain/foldVietnamese";
import { successorLabel } from "../../domain/reorganiseSuccessor";
import { formatDate } from "../i18n/formatDate";
import { asAgency } from "./asAgency";
import { useDb } from "../shell/DbContext";
import { AgencyHistory } from "./AgencyHistory";
import { useDostT } from "./useDostT";

/** Find an agency (with or without diacritics) and show its inspections year over year. */
export function AgencyHistoryPicker({ token, province }: { token: string; province: string }) {
  const t = useDostT();
  const db = useDb();
  const agencies = useLiveQuery(() => db.agencies.toArray(), [db]);
  const [query, setQuery] = useState("");
  const [picked, setPicked] = useState<string | null>(null);
  const q = foldVietnamese(query);
  const mine = (agencies ?? []).map(asAgency).filter((a) => a.province === province);
  const byId = new Map(mine.map((a) => [a.id, a]));
  const hits = q.length < 2 ? [] : mine.filter((a) => foldVietnamese(a.name).includes(q)).slice(0, 10);
  return (
    <div>
      <input type="search" data-testid="history-search" placeholder={t("Tên cơ quan", "Agency name")} value={query} onChange={(e) => setQuery(e.target.value)} />
      <ul>{hits.map((a) => <li key={a.id}><button type="button" onClick={() => setPicked(a.id)}>{successorLabel(a, byId)}{a.validTo ? t(` (đến ${formatDate(a.validTo)})`, ` (until ${formatDate(a.validTo)})`) : ""}</button></li>)}</ul>
      {picked && <AgencyHistory agencyId={picked} token={token} province={province} onClose={() => setPicked(null)} />}
    </div>
  );
}
