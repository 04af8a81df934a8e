import { useLiveQuery } from "dexie-react-hooks";
import { useState } from "react";
import type { DostDashboard } from "../../domain/dostDashboard";
import type { DostSummary } from "../../domain/dostSummary";
import { saveFile } from "../screens/saveFile";
import { useDb } from "../shell/DbContext";
import { DocumentsCard } from "./DocumentsCard";
import { dostFetch } from "./dostFetch";
import { useDostIssuer } from "./useDostIssuer";
import { useDostT } from "./useDostT";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The November report to the provincial people's committee (TT 26 Art. 38) and the December report to the
 * Ministry, each as an official-layout PDF and as XLSX, from the server's figures for the year. */
export function ReportsTab({ token, province, year }: { token: string; province: string; year: number }) {
  const t = useDostT();
  const db = useDb();
  const [busy, setBusy] = useState(false);
  const [issuer, setIssuer] = useDostIssuer();
  const field = (label: string, value: string, set: (v: string) => void) => (
    <label style={{ display: "block" }}>
      {label} <input value={value} onChange={(e) => set(e.target.value)} />
    </label>
  );
  const [error, setError] = useState("");
  const adoption = useLiveQuery(async () => {
    const rows = (await db.adoptions.toArray()).filter((r) => r.province === province);
    const by = new Map<number | null, { cohortYear: number | null; agencies: number; declared: number }>();
    for (const r of rows) {
      const k = r.cohortYear ?? null;
      const c = by.get(k) ?? { cohortYear: k, agencies: 0, declared: 0 };
      c.agencies++;
      if (r.declare) c.declared++;
      by.set(k, c);
    }
    return [...by.values()].sort((a, b) => (a.cohortYear ?? 0) - (b.cohortYear ?? 0));
  }, [db, province]);

  const make = async (kind: "province" | "ministry", format: "pdf" | "xlsx" | "json") => {
    setBusy(true);
    setError("");
    try {
      const q = `year=${year}&province=${encodeURIComponent(province)}`;
      const [s, d] = await Promise.all([dostFetch<DostSummary>(token, `/summary?${q}`), dostFetch<DostDashboard>(token, `/dashboard?${q}`)]);
      const name = `${kind === "province" ? "bao-cao-ubnd-tinh" : "bao-cao-bo-khcn"}-${year}`;
      if (format === "json") {
        const file = { format: "htqlcl-document/1", kind: `${kind}-report`, issuer, summary: s, dashboard: d, adoption: kind === "ministry" ? (adoption ?? []) : [] };
        await saveFile(new TextEncoder().encode(JSON.stringify(file, null, 2)), `${name}.json`, "application/json");
      } else if (format === "pdf") {
        const [{ buildYearReportModel }, { renderDostPdf }] = await Promise.all([import("../../report/dost/buildYearReportModel"), import("../../report/dost/renderDostPdf")]);
        await saveFile(renderDostPdf(buildYearReportModel(kind, s, d, issuer, { adoption: adoption ?? [] })), `${name}.pdf`, "application/pdf");
      } else {
        const { yearReportXlsx } = await import("../../report/dost/yearReportXlsx");
        await saveFile(yearReportXlsx(s, d, kind === "ministry" ? (adoption ?? []) : []), `${name}.xlsx`, XLSX);
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-label={t("Báo cáo", "Reports")}>
      <h2>{t(`Báo cáo năm ${year}`, `Reports ${year}`)}</h2>
      {error && <p className="banner" role="alert">{error}</p>}
      <details className="card" data-testid="issuer-settings">
        <summary>{t("Cơ quan ban hành và người ký", "Issuer and signer")}</summary>
        {field(t("Cơ quan chủ quản", "Parent body"), issuer.parentBody, (v) => setIssuer({ ...issuer, parentBody: v }))}
        {field(t("Cơ quan ban hành (in hoa)", "Issuing body (capitals)"), issuer.issuingBody, (v) => setIssuer({ ...issuer, issuingBody: v }))}
        {field(t("Tên cơ quan trong văn bản", "Issuing body in text"), issuer.issuingBodyName, (v) => setIssuer({ ...issuer, issuingBodyName: v }))}
        {field(t("Đơn vị kiểm tra", "Inspecting unit"), issuer.inspectingUnit, (v) => setIssuer({ ...issuer, inspectingUnit: v }))}
        {field(t("Tỉnh (địa danh)", "Province (place)"), issuer.provinceName, (v) => setIssuer({ ...issuer, provinceName: v }))}
        {field(t("Ký hiệu", "Symbol"), issuer.symbol, (v) => setIssuer({ ...issuer, symbol: v }))}
        {field(t("Đơn vị soạn thảo (số công văn, dòng Lưu), ví dụ TĐC", "Drafting unit (letter numbers, the Lưu line), e.g. TĐC"), issuer.draftingUnit ?? "", (v) => setIssuer({ ...issuer, draftingUnit: v }))}
        <label style={{ display: "block" }}>
          {t("Thẩm quyền ký (xuống dòng như trên văn bản, ví dụ KT. GIÁM ĐỐC rồi PHÓ GIÁM ĐỐC)", "Signing authority (lines as printed, e.g. KT. GIÁM ĐỐC then PHÓ GIÁM ĐỐC)")}
          <textarea data-testid="issuer-signer-heading" rows={2} value={issuer.signer.heading.join("\n")} onChange={(e) => setIssuer({ ...issuer, signer: { ...issuer.signer, heading: e.target.value.split("\n") } })} />
        </label>
        {field(t("Người ký", "Signer"), issuer.signer.name, (v) => setIssuer({ ...issuer, signer: { ...issuer.signer, name: v } }))}
      </details>
      <DocumentsCard province={province} year={year} issuer={issuer} />
      <div className="card">
        <h3>{t("Báo cáo UBND tỉnh (tháng 11, Điều 38 TT 26/2014)", "Report to the provincial committee (November, TT 26 Art. 38)")}</h3>
        <button type="button" disabled={busy} onClick={() => void make("province", "pdf")}>PDF</button>
        <button type="button" disabled={busy} onClick={() => void make("province", "xlsx")}>XLSX</button>
        <button type="button" disabled={busy} onClick={() => void make("province", "json")}>{t("Dữ liệu", "Data")}</button>
      </div>
      <div className="card">
        <h3>{t("Báo cáo Bộ KH&CN (tháng 12, Điều 12 QĐ 19/2014)", "Report to the Ministry (December, QĐ 19 Art. 12)")}</h3>
        <button type="button" disabled={busy} onClick={() => void make("ministry", "pdf")}>PDF</button>
        <button type="button" disabled={busy} onClick={() => void make("ministry", "xlsx")}>XLSX</button>
        <button type="button" disabled={busy} onClick={() => void make("ministry", "json")}>{t("Dữ liệu", "Data")}</button>
      </div>
    </section>
  );
}
