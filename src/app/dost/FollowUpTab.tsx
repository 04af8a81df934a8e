import { useLiveQuery } from "dexie-react-hooks";
import { useMemo, useState } from "react";
import { ActionStatusSchema, type ActionStatus } from "../../domain/action";
import { ACTION_STATUS_LABELS_EN, ACTION_STATUS_LABELS_VI } from "../../domain/actionStatusLabels";
import { DateInput } from "../components/DateInput";
import { actionDueOn } from "../../domain/actionDueOn";
import { followUpEdit, type FollowUpStep } from "../../domain/followUpEdit";
import { isActionOverdue } from "../../domain/isActionOverdue";
import type { ActionRow, InspectionRow } from "../db/rowTypes";
import { formatDate } from "../i18n/formatDate";
import { todayIso } from "../i18n/todayIso";
import { saveFile } from "../screens/saveFile";
import { useEdit } from "../save/useEdit";
import { useDb } from "../shell/DbContext";
import type { AppDb } from "../db/AppDb";
import { followUpEdits } from "./followUpEdits";
import { loadDostIssuer } from "./loadDostIssuer";
import { useDostT } from "./useDostT";

const STATUS = Object.fromEntries(ActionStatusSchema.options.map((k) => [k, [ACTION_STATUS_LABELS_VI[k], ACTION_STATUS_LABELS_EN[k]] as const])) as Record<ActionStatus, readonly [string, string]>;

interface Ctx {
  action: ActionRow;
  inspection: InspectionRow | undefined;
  agencyName: string;
  findingText: string;
  criterionCode: string | null;
}

/** The notice of non-acceptance for one agency's record: every action of that inspection not accepted, once. */
async function noticePdf(db: AppDb, all: readonly Ctx[], number: string, date: string): Promise<void> {
  const [{ buildNoticeModel }, { renderDostPdf }] = await Promise.all([import("../../report/dost/buildNoticeModel"), import("../../report/dost/renderDostPdf")]);
  const c = all[0]!;
  const bytes = renderDostPdf(
    buildNoticeModel(
      {
        agencyName: c.agencyName,
        inspection: { recordNumber: c.inspection?.recordNumber ?? "", signedOn: c.inspection?.signedOn ?? null, startedOn: c.inspection?.startedOn ?? date },
        actions: all.map((x) => ({
          action: { description: x.action.description ?? "", agencyReport: x.action.agencyReport ?? "", reportedOn: x.action.reportedOn ?? null, reportNumber: x.action.reportNumber ?? "", decisionNote: x.action.decisionNote ?? "" },
          finding: { criterionCode: x.criterionCode, text: x.findingText },
        })),
        number,
        date,
      },
      await loadDostIssuer(db, c.inspection?.province ?? ""),
    ),
  );
  await saveFile(bytes, `thong-bao-chua-chap-nhan-${(number || c.action.id).replace(/[^\p{L}\p{N}-]+/gu, "-")}.pdf`, "application/pdf");
}

/** One action's follow-up: record the agency's report, accept it or not (and issue the notice), verify it. */
function ActionCard({ c, today, siblings }: { c: Ctx; today: string; siblings: readonly Ctx[] }) {
  const db = useDb();
  const t = useDostT();
  const save = useEdit();
  const [report, setReport] = useState("");
  const [reportNumber, setReportNumber] = useState("");
  const [reportedOn, setReportedOn] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const [notice, setNotice] = useState("");
  const [error, setError] = useState("");
  const status = (c.action.status ?? "open") as ActionStatus;
  const due = actionDueOn({ dueOn: c.action.dueOn ?? null }, c.inspection?.signedOn ?? null);
  const overdue = isActionOverdue({ dueOn: c.action.dueOn ?? null, status, reportedOn: c.action.reportedOn ?? null }, c.inspection?.signedOn ?? null, today);
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
      <p data-testid="action-owner">
        {t("Chịu trách nhiệm", "Responsible")}: {c.action.owner?.trim() ? c.action.owner : t("chưa ghi", "not given")}
      </p>
      {c.action.agencyReport && (
        <p data-testid="agency-report">
          {t("Báo cáo của cơ quan", "Agency's report")}
          {c.action.reportNumber ? ` ${t("số", "no.")} ${c.action.reportNumber}` : ""}
          {c.action.reportedOn ? ` ${t("ngày", "of")} ${formatDate(c.action.reportedOn)}` : ""}: {c.action.agencyReport}
        </p>
      )}
      {error && <p className="banner" role="alert">{error}</p>}
      {(status === "open" || status === "reported" || status === "not_accepted") && (
        <div className="row">
          <input aria-label={t("Báo cáo khắc phục", "Corrective-action report")} placeholder={t("Nội dung báo cáo khắc phục của cơ quan", "The agency's report")} value={report} onChange={(e) => setReport(e.target.value)} />
          <input aria-label={t("Số báo cáo của cơ quan", "The agency's report number")} placeholder={t("Số báo cáo, ví dụ 25/BC-UBND", "Report no., e.g. 25/BC-UBND")} value={reportNumber} onChange={(e) => setReportNumber(e.target.value)} />
          <DateInput label={t("Ngày của báo cáo", "Date of the report")} value={reportedOn} onChange={setReportedOn} max={{ iso: today, message: t("Ngày báo cáo không thể sau hôm nay.", "The report cannot be dated after today.") }} testId="reported-on" />
          <button type="button" data-testid="record-report" onClick={async () => {
            // The agency's own date decides whether it reported on time, never the day DOST types it in.
            if (!reportedOn) return setError(t("Cần nhập ngày của báo cáo khắc phục (ngày ghi trên văn bản của cơ quan).", "Type the date written on the agency's report."));
            if (await step({ kind: "report", agencyReport: report, reportedOn, reportNumber })) {
              setReport("");
              setReportNumber("");
              setReportedOn(null);
            }
          }}>{t("Ghi báo cáo", "Record report")}</button>
        </div>
      )}
      {status === "reported" && (
        <div className="row">
          <input aria-label={t("Nhận xét", "Note")} placeholder={t("Nhận xét / lý do", "Note / reason")} value={note} onChange={(e) => setNote(e.target.value)} />
          <button type="button" data-testid="accept" onClick={() => void step({ kind: "accept", decisionNote: note })}>{t("Chấp nhận", "Accept")}</button>
          <input aria-label={t("Số thông báo", "Notice number")} placeholder={t("Số thông báo, ví dụ 27/TB-SKHCN", "Notice no.")} value={notice} onChange={(e) => setNotice(e.target.value)} />
          <button type="button" data-testid="reject" onClick={async () => {
            if (await step({ kind: "reject", decisionNote: note, noticeNumber: notice })) {
              const self = { ...c, action: { ...c.action, decisionNote: note, noticeNumber: notice, status: "not_accepted" as const } };
              await noticePdf(db, [self, ...siblings.filter((x) => x.action.id !== c.action.id && x.action.status === "not_accepted")], notice, today);
            }
          }}>{t("Không chấp nhận và ra thông báo", "Do not accept and issue the notice")}</button>
        </div>
      )}
      {status === "not_accepted" && (
        <button type="button" data-testid="notice-pdf" onClick={() => void noticePdf(db, siblings.filter((x) => x.action.status === "not_accepted"), c.action.noticeNumber ?? "", today)}>
          {t("Tải thông báo của cơ quan (PDF)", "The agency's notice (PDF)")}
        </button>
      )}
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
      .filter((c) => filter === "all" || (filter === "overdue" ? isActionOverdue({ dueOn: c.action.dueOn ?? null, status: (c.action.status ?? "open") as ActionStatus, reportedOn: c.action.reportedOn ?? null }, c.inspection?.signedOn ?? null, today) : c.action.status === filter))
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
      {items.length === 0 ? <p>{t("Không có hành động khắc phục nào.", "No corrective actions.")}</p> : <ul className="plain">{items.slice(0, 200).map((c) => <ActionCard key={c.action.id} c={c} today={today} siblings={items.filter((x) => x.action.inspectionId === c.action.inspectionId)} />)}</ul>}
    </section>
  );
}
