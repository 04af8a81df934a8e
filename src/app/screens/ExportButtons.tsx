import { useState } from "react";
import type { Checklist } from "../../domain/checklist";
import type { Inspection } from "../../domain/inspection";
import { loadIssuerSettings } from "../db/loadIssuerSettings";
import { useT } from "../i18n/useT";
import { exportWithReportPhotos } from "../photos/exportWithReportPhotos";
import { describeError } from "../save/describeError";
import { useDb } from "../shell/DbContext";
import { saveFile } from "./saveFile";

/** The inspection export (htqlcl-inspection/1) and the record PDF, both made on the tablet, offline. */
export function ExportButtons({ inspectionId, checklist, mode }: { inspectionId: string; checklist: Checklist; mode?: Inspection["mode"] }) {
  const t = useT();
  const db = useDb();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (what: "json" | "pdf") => {
    setBusy(true);
    setError(null);
    try {
      // The issuer is the province's (synced), frozen into the inspection at finalize; a draft shows today's settings.
      const province = (await db.inspections.get(inspectionId))?.province;
      const issuerSettings = province ? await loadIssuerSettings(db, province) : undefined;
      const exp = await exportWithReportPhotos(db, inspectionId, { checklist, ...(issuerSettings ? { issuerSettings } : {}) });
      const desk = exp.inspection.mode === "desk";
      const stem = `${desk ? "cong-van-de-nghi" : "bien-ban"}-${exp.inspection.recordNumber || exp.inspection.startedOn}`.replace(/[^\p{L}\p{N}._-]+/gu, "-");
      if (what === "json") {
        await saveFile(new TextEncoder().encode(JSON.stringify(exp, null, 2)), `${stem}.json`, "application/json");
      } else if (desk) {
        // TT 26 Art. 37.1.a: a desk review ends in the inspecting unit's letter, signed at the Sở: the tablet makes its draft.
        const { renderDeskReviewLetter } = await import("../../report/renderDeskReviewLetter");
        await saveFile(await renderDeskReviewLetter(exp, { draft: true }), `${stem}.pdf`, "application/pdf");
      } else {
        // The PDF code is a lazy chunk: precached for offline use, never part of the first paint.
        const { renderInspectionRecord } = await import("../../report/renderInspectionRecord");
        await saveFile(await renderInspectionRecord(exp), `${stem}.pdf`, "application/pdf");
      }
    } catch (err) {
      setError(t("pdfFailed", { error: (err as { messageVi?: string } | null)?.messageVi ?? describeError(err) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="row" style={{ marginTop: 16 }}>
      {mode === "desk" && <p className="banner info" data-testid="desk-no-record">{t("deskNoRecord")}</p>}
      <button type="button" className="primary" disabled={busy} onClick={() => void run("pdf")} data-testid="export-pdf">
        {t(mode === "desk" ? "exportLetterPdf" : "exportPdf")}
      </button>
      <button type="button" disabled={busy} onClick={() => void run("json")} data-testid="export-json">
        {t("exportJson")}
      </button>
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
