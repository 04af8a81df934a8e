import { useState } from "react";
import { AGENCY_KINDS, type AgencyKind } from "../../domain/agency";
import type { AgencyRow } from "../db/rowTypes";
import { useT } from "../i18n/useT";

interface Props {
  agencies: AgencyRow[];
  initialName: string;
  onSubmit: (v: { name: string; kind: AgencyKind; parentId: string | null }) => void;
  onCancel: () => void;
}

/** A missing agency added on the spot; it is marked for DOST review. */
export function AgencyForm({ agencies, initialName, onSubmit, onCancel }: Props) {
  const t = useT();
  const [name, setName] = useState(initialName);
  const [kind, setKind] = useState<AgencyKind>("commune_committee");
  const [parentId, setParentId] = useState("");
  const parents = agencies.filter((a) => a.kind !== "commune_committee" && a.kind !== "ward_committee").sort((a, b) => (a.name ?? "").localeCompare(b.name ?? "", "vi"));
  return (
    <form
      aria-label={t("addAgency")}
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) onSubmit({ name: name.trim(), kind, parentId: parentId || null });
      }}
    >
      <h2>{t("addAgency")}</h2>
      <p className="muted">{t("needsReview")}</p>
      <label>
        {t("agencyName")}
        <input value={name} onChange={(e) => setName(e.target.value)} required data-testid="new-agency-name" />
      </label>
      <label>
        {t("agencyKind")}
        <select value={kind} onChange={(e) => setKind(e.target.value as AgencyKind)}>
          {AGENCY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`agencyKind_${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("parentUnit")}
        <select value={parentId} onChange={(e) => setParentId(e.target.value)}>
          <option value="">{t("noParent")}</option>
          {parents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <p className="row">
        <button type="submit" className="primary">
          {t("add")}
        </button>
        <button type="button" onClick={onCancel}>
          {t("cancel")}
        </button>
      </p>
    </form>
  );
}
