import { useEffect, useRef, useState } from "react";
import { formatDate } from "../i18n/formatDate";
import { useLiveRevision } from "../hooks/useLiveRevision";
import { dostFetch } from "./dostFetch";
import { dostLabel } from "./dostLabels";
import { useDostT } from "./useDostT";

export type InspectionFilter = Record<string, string>;
interface Item { id: string; agencyName: string; mode: string; status: string; teamId: string; startedOn: string; detail?: string }

/** The inspections behind one figure of the dashboard, brought into view with focus on its heading when a figure
 * opens it (the figure may be far below the list). */
export function InspectionList({ token, query, filter, title, onClose }: { token: string; query: string; filter: InspectionFilter; title: string; onClose: () => void }) {
  const t = useDostT();
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState("");
  const qs = new URLSearchParams(filter).toString();
  const revision = useLiveRevision();
  const box = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // jsdom and old browsers have no scrollIntoView.
    box.current?.scrollIntoView?.({ block: "start", behavior: "smooth" });
    heading.current?.focus({ preventScroll: true });
  }, [qs, title]);
  useEffect(() => {
    let live = true;
    setItems(null);
    dostFetch<{ inspections: Item[] }>(token, `/inspections?${query}${qs ? `&${qs}` : ""}`)
      .then((r) => live && setItems(r.inspections))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [token, query, qs, revision]);
  return (
    <div ref={box} className="card inspection-list" role="dialog" aria-label={title} data-testid="inspection-list" style={{ scrollMarginTop: 72 }}>
      <div className="row">
        <h3 ref={heading} tabIndex={-1} data-testid="inspection-list-title">{title}</h3>
        <button type="button" onClick={onClose}>{t("Đóng", "Close")}</button>
      </div>
      {error && <p className="banner">{error}</p>}
      {items === null && !error && <p>{t("Đang tải…", "Loading…")}</p>}
      {items && <p>{t(`${items.length} cuộc kiểm tra`, `${items.length} inspections`)}</p>}
      <ul>
        {items?.map((i, n) => (
          <li key={`${i.id}|${n}`} data-testid="inspection-list-item">
            {formatDate(i.startedOn)} — {i.agencyName || i.id} — {dostLabel(i.mode, t)} — {dostLabel(i.status, t)} — {i.teamId}{i.detail ? ` — ${dostLabel(i.detail, t)}` : ""}
            {/* Drill-down: the record as the tablets synced it, with its PDF (Xuất biên bản PDF) on the same screen. */}{" "}
            <a className="btn" href={`#/i/${encodeURIComponent(i.id)}/review`} data-testid="open-record">
              {t("Mở biên bản và PDF", "Open the record and its PDF")}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
