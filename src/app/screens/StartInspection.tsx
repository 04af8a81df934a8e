import { useLiveQuery } from "dexie-react-hooks";
import { useEffect, useState, type FormEvent } from "react";
import type { Checklist } from "../../domain/checklist";
import type { Mode } from "../../domain/plan";
import { DateInput } from "../components/DateInput";
import { PeopleEditor, type PersonDraft } from "../components/PeopleEditor";
import { createInspection, type NewInspection } from "../db/createInspection";
import { newId } from "../db/newId";
import type { Session } from "../db/Session";
import { useFormDraft } from "../hooks/useFormDraft";
import { useStorageState } from "../hooks/useStorageState";
import { formatDate } from "../i18n/formatDate";
import { todayIso } from "../i18n/todayIso";
import { useT } from "../i18n/useT";
import { navigate } from "../router/navigate";
import { runSave } from "../save/runSave";
import { useDb } from "../shell/DbContext";

interface Props {
  session: Session | null;
  query: Record<string, string>;
}

/** Agency, form, pinned checklist version, decision reference and date, team members and agency representatives. */
export function StartInspection({ session, query }: Props) {
  const t = useT();
  const db = useDb();
  const agencyId = query.agency ?? "";
  const agency = useLiveQuery(() => (agencyId ? db.agencies.get(agencyId) : undefined), [db, agencyId]);
  const team = useLiveQuery(() => (session?.user.team ? db.teams.get(session.user.team) : undefined), [db, session?.user.team]);
  const storage = useStorageState();
  const stored = useLiveQuery(() => db.checklists.toArray(), [db]);
  const [builtin, setBuiltin] = useState<Checklist[]>([]);
  useEffect(() => void import("../../checklists/builtinChecklists").then((m) => setBuiltin(m.BUILTIN_CHECKLISTS)), []);
  const checklists = [...(stored ?? []).flatMap((r) => (r.document ? [r.document] : [])), ...builtin].filter(
    (c, i, all) => all.findIndex((x) => x.id === c.id && x.version === c.version) === i,
  );

  // The form saves itself like every other screen: Back and Forward, a reload or a kill bring it back as typed.
  const draftKey = `start:${agencyId}|${query.plan ?? ""}`;
  const [form, patch, clearDraft] = useFormDraft(draftKey, () => ({
    mode: (query.mode === "desk" ? "desk" : "onsite") as Mode,
    checklistKey: "",
    decisionRef: "",
    decisionDate: null as string | null,
    startedOn: todayIso() as string | null,
    place: "",
    leadName: null as string | null,
    agencyRepresentative: "",
    members: null as PersonDraft[] | null,
    agencyMembers: [{ name: "", role: "" }] as PersonDraft[],
  }));
  const { mode, checklistKey, decisionRef, decisionDate, startedOn, place, leadName, agencyRepresentative, members, agencyMembers } = form;
  const setMode = (v: Mode) => patch({ mode: v });
  const setChecklistKey = (v: string) => patch({ checklistKey: v });
  const setDecisionRef = (v: string) => patch({ decisionRef: v });
  const setDecisionDate = (v: string | null) => patch({ decisionDate: v });
  const setStartedOn = (v: string | null) => patch({ startedOn: v });
  const setPlace = (v: string) => patch({ place: v });
  const setLeadName = (v: string | null) => patch({ leadName: v });
  const setAgencyRepresentative = (v: string) => patch({ agencyRepresentative: v });
  const setMembers = (v: PersonDraft[] | null) => patch({ members: v });
  const setAgencyMembers = (v: PersonDraft[]) => patch({ agencyMembers: v });
  const [error, setError] = useState<string | null>(null);
  // Date fields whose text is flagged (not a date, a date that does not exist, out of order): creating waits for them.
  const [dateProblems, setDateProblems] = useState<Record<string, string>>({});
  const noteProblem = (field: string) => (p: string | null) =>
    setDateProblems((all) => {
      if ((all[field] ?? null) === p) return all;
      const { [field]: _, ...rest } = all;
      return p ? { ...rest, [field]: p } : rest;
    });
  const teamMembers = members ?? (team?.members ?? []).map((m) => ({ name: m.name, role: m.role }));
  // Until typed, the team lead is the team's member whose role says so.
  const lead = leadName ?? (team?.members ?? []).find((m) => m.role.normalize("NFC").toLowerCase().includes("trưởng đoàn"))?.name ?? "";
  const chosen = checklists.find((c) => `${c.id}@${c.version}` === checklistKey) ?? (checklists.length === 1 ? checklists[0] : undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const flagged = [dateProblems.decisionDate && t("decisionDate"), dateProblems.startedOn && t("startedOn")].filter(Boolean);
    if (decisionDate && startedOn && decisionDate > startedOn) flagged.push(t("decisionDate"));
    if (flagged.length > 0) return setError(t("fixFlaggedDates", { fields: [...new Set(flagged)].join(", ") }));
    const missing = [!agencyId && t("agency"), !chosen && t("checklistVersion"), !startedOn && t("startedOn")].filter(Boolean);
    if (missing.length > 0 || !chosen || !startedOn) return setError(t("required", { what: missing.join(", ") }));
    const people = (list: PersonDraft[]) => list.filter((p) => p.name.trim()).map((p) => ({ name: p.name.trim().normalize("NFC"), role: p.role.trim().normalize("NFC") }));
    const id = newId();
    const input: NewInspection = {
      id,
      agencyId,
      planId: query.plan ?? null,
      checklistId: chosen.id,
      checklistVersion: chosen.version,
      mode,
      teamId: session?.user.team ?? "local",
      province: session?.user.province ?? agency?.province ?? "unknown",
      startedOn,
      decisionRef: decisionRef.trim().normalize("NFC"),
      decisionDate,
      place: place.trim().normalize("NFC"),
      leadName: lead.trim().normalize("NFC"),
      agencyRepresentative: agencyRepresentative.trim().normalize("NFC"),
      members: people(teamMembers),
      agencyMembers: people(agencyMembers),
    };
    // The data layer writes every field at once and keeps the pinned checklist version on this tablet.
    const ok = await runSave(() => createInspection(db, input, { checklist: chosen }));
    if (ok) {
      await clearDraft();
      navigate(`/i/${id}/score`, undefined, true);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t("startTitle")}>
      <h1>{t("startTitle")}</h1>
      {/* Before work starts: the browser may evict what is entered here (the red private-window banner covers the rest). */}
      {storage?.supported && !storage.persisted && !storage.likelyEphemeral && (
        <p className="banner warn" role="note" data-testid="start-storage-warning">
          {t("storageNotPersisted")}
        </p>
      )}
      <div className="card row">
        <span style={{ flex: 1 }}>
          {t("agency")}: <strong data-testid="start-agency">{agency?.name ?? "—"}</strong>
        </span>
        <button type="button" onClick={() => navigate("/agencies")}>
          {t("change")}
        </button>
      </div>
      <fieldset className="card">
        <legend>
          <strong>{t("mode")}</strong>
        </legend>
        <div className="row">
          {(["onsite", "desk"] as const).map((m) => (
            <label key={m} className="check">
              <input type="radio" name="mode" checked={mode === m} onChange={() => setMode(m)} />
              {m === "onsite" ? t("modeOnsite") : t("modeDesk")}
            </label>
          ))}
        </div>
      </fieldset>
      <label>
        {t("checklistVersion")}
        <select value={chosen ? `${chosen.id}@${chosen.version}` : ""} onChange={(e) => setChecklistKey(e.target.value)} data-testid="checklist-select">
          <option value="">—</option>
          {checklists.map((c) => (
            <option key={`${c.id}@${c.version}`} value={`${c.id}@${c.version}`}>
              {c.title} ({c.version})
            </option>
          ))}
        </select>
      </label>
      <p className="muted">{t("pinnedHint")}</p>
      <div className="grid2">
        <label>
          {t("decisionRef")}
          <input value={decisionRef} onChange={(e) => setDecisionRef(e.target.value)} data-testid="decision-ref" />
        </label>
        <DateInput
          label={t("decisionDate")}
          value={decisionDate}
          onChange={setDecisionDate}
          max={{ iso: startedOn, message: t("decisionAfterStart", { date: formatDate(startedOn) }) }}
          onProblem={noteProblem("decisionDate")}
          testId="decision-date"
        />
        <DateInput label={t("startedOn")} value={startedOn} onChange={setStartedOn} required onProblem={noteProblem("startedOn")} testId="started-on" />
        <label>
          {t("place")}
          <input value={place} onChange={(e) => setPlace(e.target.value)} />
        </label>
        <label>
          {t("leadName")}
          <input value={lead} onChange={(e) => setLeadName(e.target.value)} data-testid="lead-name" />
        </label>
        <label>
          {t("agencyRepresentative")}
          <input value={agencyRepresentative} onChange={(e) => setAgencyRepresentative(e.target.value)} data-testid="agency-representative" />
        </label>
      </div>
      <PeopleEditor legend={t("teamMembers")} people={teamMembers} onChange={setMembers} testId="team-members" />
      <PeopleEditor legend={t("agencyMembers")} people={agencyMembers} onChange={setAgencyMembers} testId="agency-members" />
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      <p>
        <button type="submit" className="primary" data-testid="create-inspection">
          {t("create")}
        </button>
      </p>
    </form>
  );
}
