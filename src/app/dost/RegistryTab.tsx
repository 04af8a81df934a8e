import { useLiveQuery } from "dexie-react-hooks";
import { useMemo, useState } from "react";
import { adoptionId } from "../../domain/adoption";
import { AGENCY_KINDS } from "../../domain/agency";
import { buildRegistry } from "../../domain/buildRegistry";
import { foldVietnamese } from "../../domain/foldVietnamese";
import type { AgencyListParse } from "../../domain/parseAgencyList";
import type { Edit } from "../db/Edit";
import { newId } from "../db/newId";
import { formatDate } from "../i18n/formatDate";
import { useT } from "../i18n/useT";
import { useEdit } from "../save/useEdit";
import { useDb } from "../shell/DbContext";
import { AgencyHistory } from "./AgencyHistory";
import { asAgency } from "./asAgency";
import { readAgencyFile, readAgencyText } from "../../checklists/readAgencyFile";
import { readFileBytes } from "./readFileBytes";
import { ReorganiseCard } from "./ReorganiseCard";
import { rowEdits } from "./rowEdits";
import { useDostT } from "./useDostT";

/** Rows drawn at once: a province has up to ~3,000 agencies; search narrows the list. */
const SHOWN_MAX = 300;

interface Props {
  province: string;
  token: string;
}

/** The agency registry: import (seed 003 list, CSV, XLSX) with a preview, search, 2025 mergers and renamings. */
export function RegistryTab({ province, token }: Props) {
  const t = useDostT();
  const tk = useT();
  const db = useDb();
  const save = useEdit();
  const rows = useLiveQuery(() => db.agencies.toArray(), [db]);
  const agencies = useMemo(() => (rows ?? []).map(asAgency).filter((a) => a.province === province), [rows, province]);
  const byId = useMemo(() => new Map(agencies.map((a) => [a.id, a])), [agencies]);
  const [pasted, setPasted] = useState("");
  const [preview, setPreview] = useState<AgencyListParse | null>(null);
  const [query, setQuery] = useState("");
  const [picked, setPicked] = useState<string[]>([]);
  const [history, setHistory] = useState<string | null>(null);
  const [message, setMessage] = useState("");

  const shown = useMemo(() => {
    const q = foldVietnamese(query);
    return agencies.filter((a) => !q || foldVietnamese(a.name).includes(q)).sort((a, b) => a.name.localeCompare(b.name, "vi"));
  }, [agencies, query]);

  // The preview shows kind and validity columns only when the list states them.
  const stated = preview?.rows.some((r) => r.kind || r.validFrom || r.validTo) ?? false;

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const bytes = await readFileBytes(file);
    setPreview(readAgencyFile(file.name, bytes));
  };

  const publish = async () => {
    if (!preview) return;
    const reg = buildRegistry(preview.rows, agencies, { province, newId: () => newId() });
    const edits: Edit[] = [...reg.created.flatMap((a) => rowEdits("agency", a)), ...reg.updated.flatMap((a) => rowEdits("agency", a, byId.get(a.id)))];
    for (const [agencyId, cohortYear] of reg.cohorts) {
      const id = adoptionId(agencyId);
      const existing = await db.adoptions.get(id);
      edits.push(...rowEdits("adoption", { id, agencyId, province, cohortYear }, existing));
    }
    if (await save(edits)) {
      setMessage(t(`Đã ghi ${reg.created.length} cơ quan mới, ${reg.matched.length} cơ quan đã có${reg.updated.length > 0 ? ` (cập nhật loại hoặc hiệu lực của ${reg.updated.length})` : ""}.`, `Saved ${reg.created.length} new agencies, ${reg.matched.length} already known${reg.updated.length > 0 ? ` (${reg.updated.length} with a new kind or validity)` : ""}.`));
      setPreview(null);
      setPasted("");
    }
  };

  return (
    <section aria-label={t("Danh mục cơ quan", "Agency registry")}>
      <h2>{t("Nhập danh sách cơ quan", "Import an agency list")}</h2>
      <p className="muted">{t("Dán danh sách (TT, tên đơn vị, đơn vị chủ quản) hoặc chọn tệp CSV/XLSX; tệp có thể thêm các cột Năm, Loại, Hiệu lực từ, Hiệu lực đến (dd/mm/yyyy).", "Paste a list (TT, name, parent unit) or pick a CSV/XLSX file; a file may add the columns Năm, Loại, Hiệu lực từ, Hiệu lực đến (dd/mm/yyyy).")}</p>
      <textarea data-testid="registry-paste" rows={5} value={pasted} onChange={(e) => setPasted(e.target.value)} style={{ width: "100%" }} />
      <div className="row">
        <button type="button" onClick={() => setPreview(readAgencyText(pasted))} disabled={!pasted.trim()}>
          {t("Xem trước", "Preview")}
        </button>
        <label className="btn" style={{ display: "inline-flex", margin: 0 }}>
          {t("Chọn tệp CSV/XLSX…", "Pick a CSV/XLSX file…")}
          <input className="sr-only" type="file" accept=".csv,.tsv,.txt,.xlsx" data-testid="registry-file" onChange={(e) => void onFile(e.target.files?.[0]).then(() => (e.target.value = ""))} />
        </label>
      </div>
      {preview && (
        <div className="card" data-testid="registry-preview">
          <p>{t(`${preview.rows.length} đơn vị đọc được.`, `${preview.rows.length} units read.`)}</p>
          {preview.warnings.length > 0 && (
            <ul className="banner" data-testid="registry-warnings">
              {preview.warnings.map((w) => <li key={w}>{w}</li>)}
            </ul>
          )}
          <table>
            <thead><tr><th>TT</th><th>{t("Tên đơn vị", "Unit")}</th><th>{t("Đơn vị chủ quản", "Parent")}</th><th>{t("Năm", "Year")}</th>{stated && <><th>{t("Loại", "Kind")}</th><th>{t("Hiệu lực", "Valid")}</th></>}</tr></thead>
            <tbody>
              {preview.rows.slice(0, 200).map((r) => (
                <tr key={`${r.line}`}>
                  <td>{r.tt}</td><td>{r.name}</td><td>{r.parentName}</td><td>{r.cohortYear ?? ""}</td>
                  {stated && <><td>{r.kind ? tk(`agencyKind_${r.kind}`) : ""}</td><td>{r.validFrom || r.validTo ? `${r.validFrom ? formatDate(r.validFrom) : "…"} → ${r.validTo ? formatDate(r.validTo) : t("nay", "now")}` : ""}</td></>}
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="primary" data-testid="registry-publish" onClick={() => void publish()} disabled={preview.rows.length === 0}>
            {t("Ghi vào danh mục và gửi cho các đoàn", "Publish to the registry and the teams")}
          </button>
        </div>
      )}
      {message && <p role="status">{message}</p>}

      <h2>{t("Danh mục", "Registry")} ({agencies.length})</h2>
      <input type="search" data-testid="registry-search" placeholder={t("Tìm (có hoặc không dấu)", "Search (with or without diacritics)")} value={query} onChange={(e) => setQuery(e.target.value)} />
      <table data-testid="registry-list">
        <thead><tr><th /><th>{t("Tên", "Name")}</th><th>{t("Loại", "Kind")}</th><th>{t("Hiệu lực", "Valid")}</th><th>{t("Kế thừa", "Successor")}</th><th /></tr></thead>
        <tbody>
          {shown.slice(0, SHOWN_MAX).map((a) => (
            <tr key={a.id} data-testid="registry-row">
              <td><input type="checkbox" aria-label={a.name} checked={picked.includes(a.id)} onChange={(e) => setPicked(e.target.checked ? [...picked, a.id] : picked.filter((x) => x !== a.id))} /></td>
              <td>{a.name}{a.parentId && byId.get(a.parentId) ? <span className="muted"> — {byId.get(a.parentId)!.name}</span> : null}</td>
              <td>
                <select aria-label={`${t("Loại", "Kind")} ${a.name}`} value={a.kind} onChange={(e) => void save([{ entity: "agency", rowId: a.id, field: "kind", value: e.target.value }, ...(a.needsReview ? [{ entity: "agency" as const, rowId: a.id, field: "needsReview", value: false }] : [])])}>
                  {AGENCY_KINDS.map((k) => <option key={k} value={k}>{tk(`agencyKind_${k}`)}</option>)}
                </select>
              </td>
              <td>{a.validFrom ? formatDate(a.validFrom) : "…"} → {a.validTo ? formatDate(a.validTo) : t("nay", "now")}</td>
              <td>{a.successorId ? `${a.successorKind === "renamed" ? t("đổi tên thành", "renamed to") : t("hợp nhất vào", "merged into")} ${byId.get(a.successorId)?.name ?? a.successorId}` : ""}</td>
              <td>
                <button type="button" onClick={() => setHistory(a.id)}>{t("Lịch sử", "History")}</button>
                {a.needsReview && (
                  <button type="button" data-testid="approve-agency" onClick={() => void save([{ entity: "agency", rowId: a.id, field: "needsReview", value: false }])}>
                    {t("Duyệt (đoàn đề xuất)", "Approve (proposed by a team)")}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length > SHOWN_MAX && <p className="muted" data-testid="registry-more">{t(`Đang hiện ${SHOWN_MAX} trên ${shown.length} cơ quan; gõ tên để tìm những cơ quan khác.`, `Showing ${SHOWN_MAX} of ${shown.length} agencies; type a name to find the others.`)}</p>}

      <ReorganiseCard agencies={agencies} picked={picked} onDone={(m) => { setPicked([]); setMessage(m); }} />
      {history && <AgencyHistory agencyId={history} token={token} province={province} onClose={() => setHistory(null)} />}
    </section>
  );
}
