import { useLiveQuery } from "dexie-react-hooks";
import { useMemo, useState } from "react";
import { adoptionId } from "../../domain/adoption";
import { AGENCY_KINDS, AGENCY_SCOPE_LABELS_VI, type AgencyScope } from "../../domain/agency";
import { buildRegistry, DISTRICT_LEVEL_LAST_DAY } from "../../domain/buildRegistry";
import { foldVietnamese } from "../../domain/foldVietnamese";
import type { AgencyListParse } from "../../domain/parseAgencyList";
import { provinceFullName, readProvince } from "../../domain/provinces";
import { qmsUnitOf, REGISTRY_FLAG_TEXT, registryEntries, type RegistryEntry } from "../../domain/registryFlags";
import type { Edit } from "../db/Edit";
import { newId } from "../db/newId";
import { formatDate } from "../i18n/formatDate";
import { useT } from "../i18n/useT";
import { useEdit } from "../save/useEdit";
import { useDb } from "../shell/DbContext";
import { AgencyHistory } from "./AgencyHistory";
import { AGENCY_SCOPE_EN } from "./AGENCY_SCOPE_EN";
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
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  // Each agency as the rules read it (QĐ 19 Art. 2 scope, flags of the 2025 reorganisation).
  const entries = useMemo(() => new Map(registryEntries(agencies).map((e) => [e.agency.id, e])), [agencies]);
  const counts = useMemo(() => {
    const now = [...entries.values()].filter((e) => e.agency.validTo === null && e.agency.successorId === null);
    const committee = now.find((e) => e.agency.kind === "province_committee")?.agency.id ?? null;
    const of = (s: AgencyScope) => now.filter((e) => e.scope === s);
    return {
      required: of("required").length,
      requiredUnits: new Set(of("required").map((e) => qmsUnitOf(e.agency, committee))).size,
      encouraged: of("encouraged").length,
      byDecision: of("by_decision").length,
      flagged: [...entries.values()].filter((e) => e.flags.length > 0).length,
    };
  }, [entries]);
  const provinceRead = readProvince(province);

  const shown = useMemo(() => {
    const q = foldVietnamese(query);
    return agencies
      .filter((a) => (!q || foldVietnamese(a.name).includes(q)) && (!flaggedOnly || (entries.get(a.id)?.flags.length ?? 0) > 0))
      .sort((a, b) => a.name.localeCompare(b.name, "vi"));
  }, [agencies, query, flaggedOnly, entries]);

  // The preview shows validity columns only when the list states them.
  const stated = preview?.rows.some((r) => r.validFrom || r.validTo) ?? false;
  // Each previewed row as it would land in the registry: its kind (stated or guessed), scope and flags.
  const previewRead = useMemo(() => {
    if (!preview) return new Map<number, RegistryEntry>();
    let n = 0;
    const reg = buildRegistry(preview.rows, agencies, { province, newId: () => `preview-${++n}` });
    const changed = new Set(reg.updated.map((a) => a.id));
    const read = new Map(registryEntries([...agencies.filter((a) => !changed.has(a.id)), ...reg.updated, ...reg.created]).map((e) => [e.agency.id, e]));
    const out = new Map<number, RegistryEntry>();
    for (const r of preview.rows) {
      const e = read.get(reg.agencyOfLine.get(r.line) ?? "");
      if (e) out.set(r.line, e);
    }
    return out;
  }, [preview, agencies, province]);

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
      {provinceRead.province ? (
        <p className="muted" data-testid="registry-province">
          {provinceFullName(provinceRead.province)} — {t(`mã ${provinceRead.province.code}`, `code ${provinceRead.province.code}`)}
          {"formerName" in provinceRead && provinceRead.formerName ? t(` (dữ liệu ghi "${provinceRead.formerName}", đã hợp nhất từ 01/7/2025)`, ` (data written as "${provinceRead.formerName}", merged from 1/7/2025)`) : ""}
        </p>
      ) : (
        <p className="banner" data-testid="registry-province">
          {t(`Tỉnh "${province}" không có trong danh mục 34 tỉnh, thành phố (Nghị quyết 202/2025/QH15); dữ liệu vẫn mở được, nhưng tài khoản nên được chuyển sang một tỉnh trong danh mục.`, `Province "${province}" is not one of the 34 provinces and cities (Resolution 202/2025/QH15); its data still opens, but the account should move to a listed province.`)}
        </p>
      )}
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
            <thead><tr><th>TT</th><th>{t("Tên đơn vị", "Unit")}</th><th>{t("Đơn vị chủ quản", "Parent")}</th><th>{t("Năm", "Year")}</th><th>{t("Loại", "Kind")}</th><th>{t("Phạm vi", "Scope")}</th>{stated && <th>{t("Hiệu lực", "Valid")}</th>}<th>{t("Cần xử lý", "To resolve")}</th></tr></thead>
            <tbody>
              {preview.rows.slice(0, 200).map((r) => {
                const e = previewRead.get(r.line);
                return (
                  <tr key={`${r.line}`} data-testid="registry-preview-row">
                    <td>{r.tt}</td><td>{r.name}</td><td>{r.parentName}</td><td>{r.cohortYear ?? ""}</td>
                    <td>{e ? tk(`agencyKind_${e.agency.kind}`) : ""}</td>
                    <td>{e ? t(AGENCY_SCOPE_LABELS_VI[e.scope], AGENCY_SCOPE_EN[e.scope]) : ""}</td>
                    {stated && <td>{r.validFrom || r.validTo ? `${r.validFrom ? formatDate(r.validFrom) : "…"} → ${r.validTo ? formatDate(r.validTo) : t("nay", "now")}` : ""}</td>}
                    <td>{(e?.flags ?? []).map((f) => t(REGISTRY_FLAG_TEXT[f].vi, REGISTRY_FLAG_TEXT[f].en)).join(" ")}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <button type="button" className="primary" data-testid="registry-publish" onClick={() => void publish()} disabled={preview.rows.length === 0}>
            {t("Ghi vào danh mục và gửi cho các đoàn", "Publish to the registry and the teams")}
          </button>
        </div>
      )}
      {message && <p role="status">{message}</p>}

      <h2>{t("Danh mục", "Registry")} ({agencies.length})</h2>
      <p data-testid="registry-counts">
        {t(
          `Đang có hiệu lực: ${counts.required} cơ quan bắt buộc áp dụng (${counts.requiredUnits} hệ thống — UBND tỉnh và Văn phòng UBND tỉnh tính là một, Điều 6 Thông tư 26/2014/TT-BKHCN); ${counts.encouraged} khuyến khích áp dụng (UBND cấp xã, Điều 2 Quyết định 19/2014/QĐ-TTg); ${counts.byDecision} theo quyết định của UBND tỉnh. Cần xử lý sau sắp xếp năm 2025: ${counts.flagged}.`,
          `In force: ${counts.required} agencies required to apply a QMS (${counts.requiredUnits} systems — the provincial committee and its office count as one, TT 26 Art. 6); ${counts.encouraged} encouraged (communes, QĐ 19 Art. 2); ${counts.byDecision} by decision of the provincial committee. To resolve after the 2025 reorganisation: ${counts.flagged}.`,
        )}
      </p>
      <div className="row">
        <input type="search" data-testid="registry-search" placeholder={t("Tìm (có hoặc không dấu)", "Search (with or without diacritics)")} value={query} onChange={(e) => setQuery(e.target.value)} />
        <label style={{ margin: 0 }}>
          <input type="checkbox" data-testid="registry-flagged-only" checked={flaggedOnly} onChange={(e) => setFlaggedOnly(e.target.checked)} /> {t(`Chỉ đơn vị cần xử lý (${counts.flagged})`, `Only units to resolve (${counts.flagged})`)}
        </label>
      </div>
      <table data-testid="registry-list">
        <thead><tr><th /><th>{t("Tên", "Name")}</th><th>{t("Loại", "Kind")}</th><th>{t("Phạm vi (Điều 2 QĐ 19)", "Scope (QĐ 19 Art. 2)")}</th><th>{t("Cần xử lý", "To resolve")}</th><th>{t("Hiệu lực", "Valid")}</th><th>{t("Kế thừa", "Successor")}</th><th /></tr></thead>
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
              <td data-testid="registry-scope">{(() => {
                const scope = entries.get(a.id)?.scope ?? "by_decision";
                return t(AGENCY_SCOPE_LABELS_VI[scope], AGENCY_SCOPE_EN[scope]);
              })()}</td>
              <td>
                {(entries.get(a.id)?.flags ?? []).map((f) => (
                  <span key={f} className="banner" style={{ display: "block" }} data-testid="registry-flag" data-flag={f}>
                    {t(REGISTRY_FLAG_TEXT[f].vi, REGISTRY_FLAG_TEXT[f].en)}
                    {f === "central_city_as_district" && (
                      <button type="button" data-testid="fix-central-city" onClick={() => void save([{ entity: "agency", rowId: a.id, field: "kind", value: "province_committee" }, ...(a.validTo === DISTRICT_LEVEL_LAST_DAY ? [{ entity: "agency" as const, rowId: a.id, field: "validTo", value: null }] : [])])}>
                        {t("Ghi là UBND tỉnh, thành phố", "Save as a province committee")}
                      </button>
                    )}
                  </span>
                ))}
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
