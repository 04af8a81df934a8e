import { useLiveQuery } from "dexie-react-hooks";
import { useMemo, useState } from "react";
import type { ActionStatus } from "../../domain/action";
import { actionDueOn } from "../../domain/actionDueOn";
import { followUpEdit, type FollowUpStep } from "../../domain/followUpEdit";
import { isActionOverdue } from "../../domain/isActionOverdue";
import type { ActionRow, InspectionRow } from "../db/rowTypes";
import { formatDate } from "../i18n/formatDate";
import { todayIso } from "../i18n/todayIso";
import { saveFile } from "../screens/saveFile";
import { useEdit } from "../save/useEdit";
import { useDb } from "../shell/DbContext";
import { followUpEdits } from "./followUpEdits";
import { loadDostIssuer } from "./loadDostIssuer";
import { useDostT } from "./useDostT";

const STATUS: Record<ActionStatus, [string, string]> = {
  open: ["Chưa báo cáo", "Open"],
  reported: ["Cơ quan đã báo cáo", "Reported"],
  accepted: ["Chấp nhận", "Accepted"],
  not_accepted: ["Chưa chấp nhận", "Not accepted"],
  verified: ["Đã xác nhận hiệu lực", "Verified"],
};

interface Ctx {
  action: ActionRow;
  inspection: InspectionRow | undefined;
  agencyName: string;
  findingText: string;
  criterionCode: string | null;
}

async function noticePdf(c: Ctx, date: string): Promise<void> {
  const [{ buildNoticeModel }, { renderDostPdf }] = await Promise.all([import("../../report/dost/buildNoticeModel"), import("../../report/dost/renderDostPdf")]);
  const a = c.action;
  const bytes = renderDostPdf(buildNoticeModel({
    action: { description: a.description ?? "", agencyReport: a.agencyReport ?? "", reportedOn: a.reportedOn ?? null, decisionNote: a.decisionNote ?? "", noticeNumber: a.noticeNumber ?? "", dueOn: a.dueOn ?? null },
    agencyName: c.agencyName,
    finding: { criterionCode: c.criterionCode, text: c.findingText },
    inspection: { recordNumber: c.inspection?.recordNumber ?? "", signedOn: c.inspection?.signedOn ?? null, startedOn: c.inspection?.startedOn ?? date },
    date,
  }, loadDostIssuer()));
  await saveFile(bytes, `thong-bao-chua-chap-nhan-${(a.noticeNumber ?? a.id).replace(/[^\p{L}\p{N}-]+/gu, "-")}.pdf`, "application/pdf");
}

/** One action's follow-up: record the agency's report, accept it or not (and issue the notice), verify it. */
function ActionCard({ c, today }: { c: Ctx; today: string }) {
  const t = useDostT();
  const save = useEdit();
  const [report, setReport] = useState("");
  const [note, setNote] = useState("");
  const [notice, setNotice] = useState("");
  const [error, setError] = useState("");
  const status = (c.action.status ?? "open") as ActionStatus;
  const due = actionDueOn({ dueOn: c.action.dueOn ?? null }, c.inspection?.signedOn ?? null);
  const overdue = isActionOverdue({ dueOn: c.action.dueOn ?? null, status }, c.inspection?.signedOn ?? null, today);
  const step = async (s: FollowUpStep): Promise<boolean> => {
    const e = followUpEdit({ status }, s);
    if (typeof e === "string") {
      setError(e);
      return false;
    }
    setError("");
    return save(followUpEdits(c.action.id, e));
  };
  return (
    <li className="card" data-testid="action-card">
      <div className="row">
        <strong>{c.agencyName}</strong>
        <span>{c.criterionCode ?? ""}</span>
        <span data-testid="action-status">{t(...STATUS[status])}</span>
        {due && <span className={overdue ? "banner" : "muted"}>{t("Hạn", "Due")} {formatDate(due)}{overdue ? t(" — quá hạn", " — overdue") : ""}</span>}
      </div>
      <p>{c.findingText}</p>
      <p className="muted">{c.action.description}</p>
      {c.action.agencyReport && <p>{t("Báo cáo của cơ quan", "Agency's report")}: {c.action.agencyReport}</p>}
      {error && <p className="banner" role="alert">{error}</p>}
      {(status === "open" || status === "reported" || status === "not_accepted") && (
        <div className="row">
          <input aria-label={t("Báo cáo khắc phục", "Corrective-action report")} placeholder={t("Nội dung báo cáo khắc phục của cơ quan", "The agency's report")} value={report} onChange={(e) => setReport(e.target.value)} />
          <button type="button" data-testid="record-report" onClick={async () => { if (await step({ kind: "report", agencyReport: report, reportedOn: today })) setReport(""); }}>{t("Ghi báo cáo", "Record report")}</button>
        </div>
      )}
      {status === "reported" && (
        <div className="row">
          <input aria-label={t("Nhận xét", "Note")} placeholder={t("Nhận xét / lý do", "Note / reason")} value={note} onChange={(e) => setNote(e.target.value)} />
          <button type="button" data-testid="accept" onClick={() => void step({ kind: "accept", decisionNote: note })}>{t("Chấp nhận", "Accept")}</button>
          <input aria-label={t("Số thông báo", "Notice number")} placeholder={t("Số thông báo, ví dụ 27/TB-SKHCN", "Notice no.")} value={notice} onChange={(e) => setNotice(e.target.value)} />
          <button type="button" data-testid="reject" onClick={async () => {
            if (await step({ kind: "reject", decisionNote: note, noticeNumber: notice })) {
              await noticePdf({ ...c, action: { ...c.action, decisionNote: note, noticeNumber: notice, status: "not_accepted" } }, today);
            }
          }}>{t("Không chấp nhận và ra thông báo", "Do not accept and issue the notice")}</button>
        </div>
      )}
      {status === "not_accepted" && <button type="button" onClick={() => void noticePdf(c, today)}>{t("Tải thông báo (PDF)", "Notice (PDF)")}</button>}
      {status === "accepted" && <button type="button" data-testid="verify" onClick={() => void step({ kind: "verify", verifiedOn: today })}>{t("Xác nhận hiệu lực tại lần kiểm tra sau", "Verify at the next inspection")}</button>}
    </li>
  );
}

/** Corrective actions of the province's inspections, to follow to closure. */
export function FollowUpTab({ province }: { province: string }) {
  const t = useDostT();
  const db = useDb();
  const today = todayIso();
  const [filter, setFilter] = useState<"all" | ActionStatus | "overdue">("all");
  const data = useLiveQuery(async () => {
    const [actions, inspections, agencies, findings] = await Promise.all([db.actions.toArray(), db.inspections.toArray(), db.agencies.toArray(), db.findings.toArray()]);
    return { actions, inspections, agencies, findings };
  }, [db]);
  const items = useMemo(() => {
    if (!data) return [];
    const insp = new Map(data.inspections.map((i) => [i.id, i]));
    const ag = new Map(data.agencies.map((a) => [a.id, a.name ?? a.id]));
    const fi = new Map(data.findings.map((f) => [f.id, f]));
    return data.actions
      .filter((a) => !a.deleted && insp.get(a.inspectionId ?? "")?.province === province)
      .map((a): Ctx => {
        const i = insp.get(a.inspectionId ?? "");
        const f = fi.get(a.findingId ?? "");
        return { action: a, inspection: i, agencyName: ag.get(i?.agencyId ?? "") ?? i?.agencyId ?? "", findingText: f?.text ?? "", criterionCode: f?.criterionCode ?? null };
      })
      .filter((c) => filter === "all" || (filter === "overdue" ? isActionOverdue({ dueOn: c.action.dueOn ?? null, status: (c.action.status ?? "open") as ActionStatus }, c.inspection?.signedOn ?? null, today) : c.action.status === filter))
      .sort((a, b) => a.agencyName.localeCompare(b.agencyName, "vi"));
  }, [data, province, filter, today]);
  return (
    <section aria-label={t("Theo dõi khắc phục", "Follow-up")}>
      <h2>{t("Theo dõi hành động khắc phục", "Corrective-action follow-up")}</h2>
      <select aria-label={t("Lọc", "Filter")} value={filter} onChange={(e) => setFilter(e.target.value as typeof filter)}>
        <option value="all">{t("Tất cả", "All")}</option>
        <option value="overdue">{t("Quá hạn", "Overdue")}</option>
        {(Object.keys(STATUS) as ActionStatus[]).map((s) => <option key={s} value={s}>{t(...STATUS[s])}</option>)}
      </select>
      {items.length === 0 ? <p>{t("Không có hành động khắc phục nào.", "No corrective actions.")}</p> : <ul className="plain">{items.slice(0, 200).map((c) => <ActionCard key={c.action.id} c={c} today={today} />)}</ul>}
    </section>
  );
}
