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
  const { fields: f, issuer, edit, commit, error: issuerError } = useDostIssuer(province);
  // Typed into a draft, saved (and synced to the province) on leaving the field.
  const field = (label: string, value: string, set: (v: string) => void, testId?: string) => (
    <label style={{ display: "block" }}>
      {label} <input value={value} data-testid={testId} onChange={(e) => set(e.target.value)} onBlur={() => void commit()} />
    </label>
  );
  const symbol = (k: keyof typeof f.symbols, label: string) => field(label, f.symbols[k], (v) => edit({ symbols: { ...f.symbols, [k]: v } }), `issuer-symbol-${k}`);
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
        <p className="muted">
          {t(
            "Dùng chung cho cả tỉnh: đồng bộ tới mọi máy, in trên mọi văn bản; mỗi biên bản giữ thông tin tại thời điểm ký và khoá.",
            "Shared by the whole province: synced to every device and printed on every document; each record keeps them as they stood when it was finalized.",
          )}
        </p>
        {issuerError && <p className="banner error" role="alert" data-testid="issuer-error">{issuerError}</p>}
        {field(t("Cơ quan chủ quản", "Parent body"), f.parentBody, (v) => edit({ parentBody: v }), "issuer-parent-body")}
        {field(t("Cơ quan ban hành (in hoa)", "Issuing body (capitals)"), f.issuingBody, (v) => edit({ issuingBody: v }), "issuer-issuing-body")}
        {field(t("Tên cơ quan trong văn bản", "Issuing body in text"), f.issuingBodyName, (v) => edit({ issuingBodyName: v }))}
        {field(t("Đơn vị kiểm tra", "Inspecting unit"), f.inspectingUnit, (v) => edit({ inspectingUnit: v }))}
        {field(t("Tỉnh (địa danh)", "Province (place)"), f.place, (v) => edit({ place: v }), "issuer-place")}
        <fieldset>
          <legend>{t("Ký hiệu số văn bản (Nghị định 30/2020: tên loại viết tắt rồi tên cơ quan ban hành viết tắt)", "Number symbols (Decree 30/2020: kind, then the issuing body's abbreviation)")}</legend>
          {symbol("record", t("Biên bản kiểm tra, ví dụ BB-SKHCN", "Inspection record, e.g. BB-SKHCN"))}
          {symbol("letter", t("Công văn đề nghị, ví dụ SKHCN-TĐC", "Desk-review letter, e.g. SKHCN-TĐC"))}
          {symbol("plan", t("Kế hoạch, ví dụ KH-SKHCN", "Plan, e.g. KH-SKHCN"))}
          {symbol("notice", t("Thông báo, ví dụ TB-SKHCN", "Notice, e.g. TB-SKHCN"))}
          {symbol("report", t("Báo cáo, ví dụ BC-SKHCN", "Report, e.g. BC-SKHCN"))}
        </fieldset>
        {field(t("Đơn vị soạn thảo (số công văn, dòng Lưu), ví dụ TĐC", "Drafting unit (letter numbers, the Lưu line), e.g. TĐC"), f.draftingUnit, (v) => edit({ draftingUnit: v }), "issuer-drafting-unit")}
        <label style={{ display: "block" }}>
          {t("Thẩm quyền ký (xuống dòng như trên văn bản, ví dụ KT. GIÁM ĐỐC rồi PHÓ GIÁM ĐỐC)", "Signing authority (lines as printed, e.g. KT. GIÁM ĐỐC then PHÓ GIÁM ĐỐC)")}
          <textarea data-testid="issuer-signer-heading" rows={2} value={f.signerHeading.join("\n")} onChange={(e) => edit({ signerHeading: e.target.value.split("\n") })} onBlur={() => void commit()} />
        </label>
        {field(t("Người ký", "Signer"), f.signerName, (v) => edit({ signerName: v }))}
        <label style={{ display: "block" }}>
          {t("Nơi nhận khác (mỗi dòng một nơi, giữa nơi nhận chính và dòng Lưu)", "Other recipients (one per line, between the addressee and the Lưu line)")}
          <textarea data-testid="issuer-recipients" rows={3} value={f.recipients.join("\n")} onChange={(e) => edit({ recipients: e.target.value.split("\n") })} onBlur={() => void commit()} />
        </label>
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
