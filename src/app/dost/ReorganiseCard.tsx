import { useMemo, useState } from "react";
import { AGENCY_KIND_LABELS_VI, type Agency } from "../../domain/agency";
import { reorganiseAgencies } from "../../domain/reorganiseAgencies";
import { reorganiseSuccessor, successorLabel } from "../../domain/reorganiseSuccessor";
import { DateInput } from "../components/DateInput";
import { newId } from "../db/newId";
import { formatDate } from "../i18n/formatDate";
import { useEdit } from "../save/useEdit";
import { rowEdits } from "./rowEdits";
import { useDostT } from "./useDostT";

interface Props {
  agencies: readonly Agency[];
  picked: readonly string[];
  onDone: (message: string) => void;
}

/** Records a merger ("hợp nhất vào") or a renaming ("đổi tên thành") of the ticked agencies, effective on a date. The
 * successor is an existing unit picked from the suggestions (name — parent) or a new unit of the typed name. */
export function ReorganiseCard({ agencies, picked, onDone }: Props) {
  const t = useDostT();
  const save = useEdit();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<"merged" | "renamed">("merged");
  const [effectiveOn, setEffectiveOn] = useState<string | null>("2025-07-01");
  const [error, setError] = useState("");
  const byId = useMemo(() => new Map(agencies.map((a) => [a.id, a])), [agencies]);
  const sources = picked.map((id) => byId.get(id)).filter((a): a is Agency => a !== undefined);
  const candidates = useMemo(() => agencies.filter((a) => a.validTo === null && a.successorId === null && !picked.includes(a.id)), [agencies, picked]);
  // Decided once per render from what is typed; a new unit's id is only drawn when it is saved.
  const choice = name.trim() && sources.length > 0 && effectiveOn ? reorganiseSuccessor(name, sources, agencies, { effectiveOn, newId: () => "" }) : null;

  const run = async () => {
    setError("");
    if (kind === "renamed" && sources.length !== 1) return setError(t("Đổi tên chỉ áp dụng cho đúng một cơ quan.", "A renaming applies to exactly one agency."));
    if (!effectiveOn) return setError(t("Cần nhập ngày hiệu lực (dd/mm/yyyy).", "Enter the effective date (dd/mm/yyyy)."));
    const c = reorganiseSuccessor(name, sources, agencies, { effectiveOn, newId });
    if ("error" in c) return setError(c.error);
    const next = reorganiseAgencies({ sources, successor: c.successor, kind, effectiveOn, successorExisted: !c.isNew });
    if (await save(next.flatMap((a) => rowEdits("agency", a, byId.get(a.id))))) {
      setName("");
      onDone(t(`Đã ghi ${sources.length} cơ quan chuyển sang "${c.successor.name}" từ ${formatDate(effectiveOn)}.`, `${sources.length} agencies now lead to "${c.successor.name}" from ${formatDate(effectiveOn)}.`));
    }
  };

  return (
    <div className="card" data-testid="reorganise-card">
      <h3>{t("Sắp xếp đơn vị hành chính (2025)", "Reorganisation (2025)")}</h3>
      <p className="muted">{t(`Đã chọn ${sources.length} cơ quan`, `${sources.length} agencies picked`)}{sources.length > 0 ? `: ${sources.map((s) => successorLabel(s, byId)).join("; ")}` : "."}</p>
      <div className="row">
        <select value={kind} onChange={(e) => setKind(e.target.value as "merged" | "renamed")} aria-label={t("Hình thức", "Kind")}>
          <option value="merged">{t("Hợp nhất vào", "Merged into")}</option>
          <option value="renamed">{t("Đổi tên thành", "Renamed to")}</option>
        </select>
        <input data-testid="successor-name" list="successor-options" aria-label={t("Đơn vị kế thừa", "Successor unit")} placeholder={t("Tên đơn vị mới, hoặc chọn đơn vị đã có", "New unit's name, or pick an existing one")} value={name} onChange={(e) => setName(e.target.value)} />
        <datalist id="successor-options">
          {candidates.slice(0, 2000).map((a) => <option key={a.id} value={successorLabel(a, byId)} />)}
        </datalist>
        <DateInput label={t("Ngày hiệu lực", "Effective on")} value={effectiveOn} onChange={setEffectiveOn} testId="reorganise-date" />
        <button type="button" data-testid="reorganise" onClick={() => void run()} disabled={sources.length === 0 || !name.trim()}>
          {t("Ghi", "Save")}
        </button>
      </div>
      {choice && "successor" in choice && (
        <p data-testid="successor-hint">
          {choice.isNew
            ? t(`Sẽ tạo đơn vị mới "${choice.successor.name}" (${AGENCY_KIND_LABELS_VI[choice.successor.kind]})${choice.successor.parentId ? `, trực thuộc ${byId.get(choice.successor.parentId)?.name ?? ""}` : ""}, hiệu lực từ ${formatDate(choice.successor.validFrom)}.`,
              `A new unit "${choice.successor.name}" will be created, in force from ${formatDate(choice.successor.validFrom)}.`)
            : t(`Đơn vị đã có trong danh mục: ${successorLabel(choice.successor, byId)}.`, `Existing unit: ${successorLabel(choice.successor, byId)}.`)}
        </p>
      )}
      {(error || (choice && "error" in choice)) && <p className="banner" role="alert">{error || (choice && "error" in choice ? choice.error : "")}</p>}
    </div>
  );
}
