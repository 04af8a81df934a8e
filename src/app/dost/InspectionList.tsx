import { useEffect, useState } from "react";
import { formatDate } from "../i18n/formatDate";
import { dostFetch } from "./dostFetch";
import { useDostT } from "./useDostT";

export type InspectionFilter = Record<string, string>;
interface Item { id: string; agencyName: string; mode: string; status: string; teamId: string; startedOn: string }

/** The inspections behind one figure of the dashboard. */
export function InspectionList({ token, query, filter, title, onClose }: { token: string; query: string; filter: InspectionFilter; title: string; onClose: () => void }) {
  const t = useDostT();
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState("");
  const qs = new URLSearchParams(filter).toString();
  useEffect(() => {
    let live = true;
    setItems(null);
    dostFetch<{ inspections: Item[] }>(token, `/inspections?${query}${qs ? `&${qs}` : ""}`)
      .then((r) => live && setItems(r.inspections))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [token, query, qs]);
  return (
    <div className="card" role="dialog" aria-label={title} data-testid="inspection-list">
      <div className="row">
        <strong>{title}</strong>
        <button type="button" onClick={onClose}>{t("Đóng", "Close")}</button>
      </div>
      {error && <p className="banner">{error}</p>}
      {items === null && !error && <p>{t("Đang tải…", "Loading…")}</p>}
      {items && <p>{t(`${items.length} cuộc kiểm tra`, `${items.length} inspections`)}</p>}
      <ul>
        {items?.map((i) => (
          <li key={i.id} data-testid="inspection-list-item">
            {formatDate(i.startedOn)} — {i.agencyName || i.id} — {i.mode === "onsite" ? t("tại trụ sở", "on site") : t("qua hồ sơ", "desk")} — {i.status} — {i.teamId}
          </li>
        ))}
      </ul>
    </div>
  );
}
