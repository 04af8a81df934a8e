import { useEffect, useState } from "react";
import { formatDate } from "../i18n/formatDate";
import { dostFetch } from "./dostFetch";
import { dostLabel } from "./dostLabels";
import { useDostT } from "./useDostT";

interface History {
  agencyIds: string[];
  years: { year: number; nonconform: number; partial: number; conform: number; inspections: { id: string; agencyName: string; mode: string; status: string; startedOn: string }[] }[];
}

/** An agency's inspections year over year, through its predecessors (merged or renamed units). */
export function AgencyHistory({ agencyId, token, province, onClose }: { agencyId: string; token: string; province: string; onClose: () => void }) {
  const t = useDostT();
  const [data, setData] = useState<History | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    let live = true;
    dostFetch<History>(token, `/agencies/${encodeURIComponent(agencyId)}/history?province=${encodeURIComponent(province)}`)
      .then((h) => live && setData(h))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [agencyId, token, province]);
  return (
    <div className="card" role="dialog" aria-label={t("Lịch sử kiểm tra", "Inspection history")} data-testid="agency-history">
      <button type="button" onClick={onClose}>{t("Đóng", "Close")}</button>
      {error && <p className="banner">{error}</p>}
      {data && data.years.length === 0 && <p>{t("Chưa có cuộc kiểm tra nào.", "No inspections yet.")}</p>}
      {data?.years.map((y) => (
        <div key={y.year}>
          <h4>{t(`Năm ${y.year}`, `Year ${y.year}`)}: {t(`${y.nonconform} không đạt, ${y.partial} đạt một phần, ${y.conform} đạt`, `${y.nonconform} nonconform, ${y.partial} partial, ${y.conform} conform`)}</h4>
          <ul>{y.inspections.map((i) => <li key={i.id}>{formatDate(i.startedOn)} — {i.agencyName} — {dostLabel(i.mode, t)} — {dostLabel(i.status, t)}</li>)}</ul>
        </div>
      ))}
    </div>
  );
}
