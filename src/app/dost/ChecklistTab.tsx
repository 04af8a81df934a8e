import { useLiveQuery } from "dexie-react-hooks";
import { useState } from "react";
import { ChecklistImportError } from "../../checklists/ChecklistImportError";
import { importChecklist } from "../../checklists/importChecklist";
import type { ImportWarning } from "../../checklists/ImportWarning";
import { canonicalJson } from "../../domain/canonicalJson";
import type { Checklist } from "../../domain/checklist";
import { checklistRowId } from "../../domain/checklistRecord";
import { useEdit } from "../save/useEdit";
import { useDb } from "../shell/DbContext";
import { readFileBytes } from "./readFileBytes";
import { useDostT } from "./useDostT";

/** Import a province's matrix through the checklist library, preview it with the importer's warnings, publish it as
 * a version (a published version never changes: a new one needs a new version label). */
export function ChecklistTab({ province }: { province: string }) {
  const t = useDostT();
  const db = useDb();
  const save = useEdit();
  const published = useLiveQuery(() => db.checklists.toArray(), [db]);
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [version, setVersion] = useState("");
  const [id, setId] = useState("");
  const [result, setResult] = useState<{ checklist: Checklist; warnings: ImportWarning[] } | null>(null);
  const [error, setError] = useState("");
  const [message, setMessage] = useState("");

  const run = (f = file) => {
    if (!f) return;
    setError("");
    setMessage("");
    try {
      setResult(importChecklist(f, { ...(id.trim() ? { id: id.trim() } : {}), ...(version.trim() ? { version: version.trim() } : {}) }));
    } catch (e) {
      setResult(null);
      setError(e instanceof ChecklistImportError ? e.toLineVi() : t("Không đọc được tệp.", "The file could not be read."));
    }
  };

  const publish = async () => {
    if (!result) return;
    const rowId = checklistRowId(result.checklist.id, result.checklist.version);
    const existing = await db.checklists.get(rowId);
    if (existing?.document && canonicalJson(existing.document) !== canonicalJson(result.checklist)) {
      setError(t(`Phiên bản ${result.checklist.version} đã công bố với nội dung khác; hãy đặt phiên bản mới.`, `Version ${result.checklist.version} was published with other content; choose a new version.`));
      return;
    }
    if (await save([{ entity: "checklist", rowId, field: "document", value: result.checklist }, { entity: "checklist", rowId, field: "province", value: province }])) {
      setMessage(t(`Đã công bố ${result.checklist.title} (phiên bản ${result.checklist.version}); các đoàn nhận khi đồng bộ.`, `Published ${result.checklist.title} (version ${result.checklist.version}); teams receive it on sync.`));
    }
  };

  const criteria = result ? result.checklist.sections.reduce((n, s) => n + s.items.reduce((m, i) => m + i.criteria.length, 0), 0) : 0;
  return (
    <section aria-label={t("Bộ tiêu chí", "Checklists")}>
      <h2>{t("Nhập bộ tiêu chí của tỉnh", "Import the province's matrix")}</h2>
      <div className="row">
        <label className="btn" style={{ display: "inline-flex", margin: 0 }}>
          {t("Chọn tệp (văn bản, CSV, XLSX, DOCX)…", "Pick a file (text, CSV, XLSX, DOCX)…")}
          <input className="sr-only" type="file" accept=".txt,.tsv,.csv,.xlsx,.docx" data-testid="checklist-file" onChange={async (e) => {
            const f = e.target.files?.[0];
            if (!f) return;
            const next = { name: f.name, bytes: await readFileBytes(f) };
            e.target.value = "";
            setFile(next);
            run(next);
          }} />
        </label>
        {file && <span className="muted">{file.name}</span>}
      </div>
      <div className="row">
        <label>{t("Mã bộ tiêu chí (tùy chọn)", "Checklist id (optional)")} <input value={id} onChange={(e) => setId(e.target.value)} /></label>
        <label>{t("Phiên bản (ví dụ 2026.1)", "Version (e.g. 2026.1)")} <input value={version} onChange={(e) => setVersion(e.target.value)} /></label>
        <button type="button" onClick={() => run()} disabled={!file}>{t("Đọc lại", "Re-read")}</button>
      </div>
      {error && <p className="banner" role="alert" data-testid="checklist-error">{error}</p>}
      {result && (
        <div className="card" data-testid="checklist-preview">
          <h3>{result.checklist.title} — {result.checklist.id}@{result.checklist.version}</h3>
          <p>{t(`${result.checklist.sections.length} mục, ${criteria} nội dung kiểm tra.`, `${result.checklist.sections.length} sections, ${criteria} criteria.`)}</p>
          {result.warnings.length > 0 && (
            <ul className="banner" data-testid="checklist-warnings">
              {result.warnings.map((w, i) => <li key={i}>{w.row ? t(`Dòng ${w.row}: `, `Row ${w.row}: `) : ""}{t(w.messageVi, w.message)}</li>)}
            </ul>
          )}
          {result.checklist.sections.map((s) => (
            <details key={s.code}>
              <summary>{s.code}. {s.title}{s.scored ? "" : t(" (không chấm điểm)", " (not scored)")}</summary>
              <ul>{s.items.map((i) => <li key={i.code}>{i.code} {i.title} — {i.criteria.map((c) => c.code).join(", ")}</li>)}</ul>
            </details>
          ))}
          <button type="button" className="primary" data-testid="checklist-publish" onClick={() => void publish()}>{t("Công bố cho các đoàn", "Publish to the teams")}</button>
        </div>
      )}
      {message && <p role="status">{message}</p>}
      <h3>{t("Đã công bố", "Published")}</h3>
      <ul>{(published ?? []).map((c) => <li key={c.id}>{c.document?.title ?? c.id} — {c.id}</li>)}</ul>
    </section>
  );
}
