import { useLiveQuery } from "dexie-react-hooks";
import { useMemo, useState } from "react";
import { AGENCY_KINDS, type AgencyKind } from "../../domain/agency";
import { foldVietnamese } from "../../domain/foldVietnamese";
import { newId } from "../db/newId";
import type { AgencyRow } from "../db/rowTypes";
import type { Session } from "../db/Session";
import { formatDate } from "../i18n/formatDate";
import { todayIso } from "../i18n/todayIso";
import { useT } from "../i18n/useT";
import { navigate } from "../router/navigate";
import { useEdit } from "../save/useEdit";
import { useDb } from "../shell/DbContext";
import { AgencyForm } from "./AgencyForm";

/** Search agencies with or without diacritics, grouped by kind and parent unit; add a missing one for DOST review. */
export function AgencyPicker({ session }: { session: Session | null }) {
  const t = useT();
  const db = useDb();
  const edit = useEdit();
  const agencies = useLiveQuery(() => db.agencies.toArray(), [db]);
  const [query, setQuery] = useState("");
  const [adding, setAdding] = useState(false);

  const today = todayIso();
  const ended = (a: AgencyRow) => Boolean(a.validTo && a.validTo < today);
  const groups = useMemo(() => {
    const all = agencies ?? [];
    const name = new Map(all.map((a) => [a.id, a.name ?? ""]));
    const q = foldVietnamese(query);
    const hits = all.filter((a) => !q || foldVietnamese(`${a.name ?? ""} ${name.get(a.parentId ?? "") ?? ""}`).includes(q));
    const out: { kind: AgencyKind; parents: { parent: string; rows: AgencyRow[] }[] }[] = [];
    for (const kind of AGENCY_KINDS) {
      const ofKind = hits.filter((a) => (a.kind ?? "other") === kind);
      if (ofKind.length === 0) continue;
      const byParent = new Map<string, AgencyRow[]>();
      for (const a of ofKind) {
        const p = name.get(a.parentId ?? "") ?? "";
        byParent.set(p, [...(byParent.get(p) ?? []), a]);
      }
      const parents = [...byParent.entries()]
        .sort(([a], [b]) => a.localeCompare(b, "vi"))
        // Units that ended in the 2025 reorganisation stay findable (past inspections), listed after current ones.
        .map(([parent, rows]) => ({ parent, rows: rows.sort((x, y) => Number(ended(x)) - Number(ended(y)) || (x.name ?? "").localeCompare(y.name ?? "", "vi")) }));
      out.push({ kind, parents });
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- ended() reads only today's date, fixed while the picker is open
  }, [agencies, query]);

  const add = async (v: { name: string; kind: AgencyKind; parentId: string | null }) => {
    const id = newId();
    const fields: Record<string, unknown> = {
      name: v.name.normalize("NFC"),
      kind: v.kind,
      parentId: v.parentId,
      province: session?.user.province ?? "unknown",
      validFrom: null,
      validTo: null,
      successorId: null,
      successorKind: null,
      needsReview: true,
    };
    const ok = await edit(Object.entries(fields).map(([field, value]) => ({ entity: "agency" as const, rowId: id, field, value })));
    if (ok) navigate("/start", { agency: id });
  };

  return (
    <div>
      <h1>{t("chooseAgency")}</h1>
      <label>
        {t("searchAgency")}
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="agency-search" autoFocus />
      </label>
      {groups.length === 0 && agencies && <p className="muted">{t("noMatch")}</p>}
      {groups.map((g) => (
        <section key={g.kind} aria-label={t(`agencyKind_${g.kind}`)}>
          <h2>{t(`agencyKind_${g.kind}`)}</h2>
          {g.parents.map((p) => (
            <div key={p.parent}>
              {p.parent && <h3 className="muted">{p.parent}</h3>}
              <ul className="plain">
                {p.rows.map((a) => (
                  <li key={a.id}>
                    <button type="button" className="crit-link" onClick={() => navigate("/start", { agency: a.id })} data-testid="agency-option">
                      <span>{a.name}</span>
                      {a.validTo && a.validTo < today && <span className="muted">{t("agencyEnded", { date: formatDate(a.validTo) })}</span>}
                      {a.needsReview && <span className="muted">{t("needsReview")}</span>}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
      <div className="card">
        {adding ? (
          <AgencyForm agencies={agencies ?? []} initialName={query} onSubmit={(v) => void add(v)} onCancel={() => setAdding(false)} />
        ) : (
          <button type="button" onClick={() => setAdding(true)}>
            {t("addAgency")}
          </button>
        )}
      </div>
    </div>
  );
}
