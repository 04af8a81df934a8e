import { useLiveQuery } from "dexie-react-hooks";
import { useState } from "react";
import type { DostIssuer } from "../../domain/DostIssuer";
import type { InspectionExport } from "../../domain/inspectionExport";
import { exportInspection } from "../db/exportInspection";
import { saveFile } from "../screens/saveFile";
import { useDb } from "../shell/DbContext";
import { useDostT } from "./useDostT";

/** An inspection as the documents need it, with the checklist from the built-in ones when the console has no copy. */
async function inspectionExport(db: ReturnType<typeof useDb>, id: string, checklistId: string, version: string): Promise<InspectionExport> {
  const { BUILTIN_CHECKLISTS } = await import("../../checklists/builtinChecklists");
  const checklist = BUILTIN_CHECKLISTS.find((c) => c.id === checklistId && c.version === version);
  return exportInspection(db, id, { withoutPhotos: true, ...(checklist ? { checklist } : {}) });
}

/**
 * The inspecting unit's documents per inspection of the year: for each desk review its letter (TT 26 Art. 37.1.a),
 * for each team its report on its on-site inspections (Art. 37.2.d). Each as PDF, and as the document file the
 * command line renders to the same PDF (`npm run report -- letter|team-report <file>`).
 */
export function DocumentsCard({ province, year, issuer }: { province: string; year: number; issuer: DostIssuer }) {
  const t = useDostT();
  const db = useDb();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const rows = useLiveQuery(async () => {
    const [inspections, agencies, teams] = await Promise.all([db.inspections.toArray(), db.agencies.toArray(), db.teams.toArray()]);
    const names = new Map(agencies.map((a) => [a.id, a.name ?? a.id]));
    const teamNames = new Map(teams.map((x) => [x.id, x.name ?? x.id]));
    const mine = inspections
      .filter((i) => i.province === province && (i.startedOn ?? "").startsWith(`${year}-`) && i.status === "finalized")
      .map((i) => ({ id: i.id, mode: i.mode, agency: names.get(i.agencyId ?? "") ?? i.agencyId ?? "", team: i.teamId ?? "", teamName: teamNames.get(i.teamId ?? "") ?? i.teamId ?? "", checklistId: i.checklistId ?? "", version: i.checklistVersion ?? "" }))
      .sort((a, b) => a.agency.localeCompare(b.agency, "vi"));
    return { desk: mine.filter((i) => i.mode === "desk"), teams: [...new Set(mine.filter((i) => i.mode === "onsite").map((i) => i.team))].map((team) => ({ team, name: mine.find((i) => i.team === team)!.teamName, ids: mine.filter((i) => i.mode === "onsite" && i.team === team) })) };
  }, [db, province, year]);

  const make = async (doc: { kind: "letter" | "team-report"; stem: string; ids: { id: string; checklistId: string; version: string }[] }, format: "pdf" | "json") => {
    setBusy(true);
    setError("");
    try {
      const exps = await Promise.all(doc.ids.map((i) => inspectionExport(db, i.id, i.checklistId, i.version)));
      const file = doc.kind === "letter" ? { format: "htqlcl-document/1" as const, kind: "letter" as const, issuer, inspection: exps[0]! } : { format: "htqlcl-document/1" as const, kind: "team-report" as const, issuer, inspections: exps };
      if (format === "json") await saveFile(new TextEncoder().encode(JSON.stringify(file, null, 2)), `${doc.stem}.json`, "application/json");
      else {
        const { renderDocumentFile } = await import("../../report/documentFile");
        await saveFile(renderDocumentFile(file), `${doc.stem}.pdf`, "application/pdf");
      }
    } catch (e) {
      setError((e as { messageVi?: string }).messageVi ?? (e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  };
  const slug = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, "-");
  return (
    <div className="card" data-testid="inspection-documents">
      <h3>{t("Văn bản theo cuộc kiểm tra", "Documents per inspection")}</h3>
      {error && <p className="banner" role="alert">{error}</p>}
      <h4>{t("Công văn đề nghị thực hiện, khắc phục (kiểm tra qua hồ sơ, Điều 37.1.a TT 26/2014)", "Desk-review letters (TT 26 Art. 37.1.a)")}</h4>
      {rows?.desk.length ? (
        <ul className="plain">
          {rows.desk.map((i) => (
            <li key={i.id} data-testid="desk-letter">
              {i.agency}{" "}
              <button type="button" disabled={busy} onClick={() => void make({ kind: "letter", stem: `cong-van-${slug(i.agency)}`, ids: [i] }, "pdf")}>PDF</button>{" "}
              <button type="button" disabled={busy} onClick={() => void make({ kind: "letter", stem: `cong-van-${slug(i.agency)}`, ids: [i] }, "json")}>{t("Dữ liệu", "Data")}</button>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("Chưa có cuộc kiểm tra qua hồ sơ nào đã hoàn thành.", "No finalized desk review yet.")}</p>
      )}
      <h4>{t("Báo cáo của Đoàn kiểm tra (kiểm tra tại trụ sở, Điều 37.2.d TT 26/2014)", "Team reports (on site, TT 26 Art. 37.2.d)")}</h4>
      {rows?.teams.length ? (
        <ul className="plain">
          {rows.teams.map((g) => (
            <li key={g.team} data-testid="team-report">
              {g.name} ({g.ids.length}){" "}
              <button type="button" disabled={busy} onClick={() => void make({ kind: "team-report", stem: `bao-cao-doan-${slug(g.name)}-${year}`, ids: g.ids }, "pdf")}>PDF</button>{" "}
              <button type="button" disabled={busy} onClick={() => void make({ kind: "team-report", stem: `bao-cao-doan-${slug(g.name)}-${year}`, ids: g.ids }, "json")}>{t("Dữ liệu", "Data")}</button>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("Chưa có cuộc kiểm tra tại trụ sở nào đã hoàn thành.", "No finalized on-site inspection yet.")}</p>
      )}
    </div>
  );
}
