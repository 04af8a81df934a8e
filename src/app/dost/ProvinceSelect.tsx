import { useLiveQuery } from "dexie-react-hooks";
import { PROVINCES, provinceFullName, readProvince } from "../../domain/provinces";
import { useDb } from "../shell/DbContext";
import { useDostT } from "./useDostT";

/**
 * The province picker of the console: the 34 provinces and cities of Resolution 202/2025/QH15, and after them every
 * other province value this device holds (written as free text before the list existed), so that data still opens,
 * each with what it reads as or a warning.
 */
export function ProvinceSelect({ value, onChange }: { value: string; onChange: (province: string) => void }) {
  const t = useDostT();
  const db = useDb();
  const seen = useLiveQuery(async () => {
    const values = new Set<string>();
    for (const a of await db.agencies.toArray()) if (typeof a.province === "string" && a.province) values.add(a.province);
    for (const p of await db.plans.toArray()) if (typeof p.province === "string" && p.province) values.add(p.province);
    return values;
  }, [db]);
  const canonical = new Set(PROVINCES.map((p) => p.id));
  const others = [...new Set([...(seen ?? []), ...(value ? [value] : [])])].filter((v) => !canonical.has(v)).sort((a, b) => a.localeCompare(b, "vi"));
  const otherLabel = (v: string) => {
    const r = readProvince(v);
    return r.province ? t(`${v} (ghi cũ của ${provinceFullName(r.province)})`, `${v} (older spelling of ${provinceFullName(r.province)})`) : t(`${v} (ngoài danh mục 34 tỉnh, thành phố)`, `${v} (not one of the 34 provinces)`);
  };
  return (
    <select data-testid="dost-province" aria-label={t("Tỉnh, thành phố", "Province or city")} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t("— chọn tỉnh, thành phố —", "— pick a province —")}</option>
      <optgroup label={t("34 tỉnh, thành phố (Nghị quyết 202/2025/QH15)", "34 provinces and cities (Resolution 202/2025/QH15)")}>
        {PROVINCES.map((p) => <option key={p.id} value={p.id}>{provinceFullName(p)}</option>)}
      </optgroup>
      {others.length > 0 && (
        <optgroup label={t("Dữ liệu ghi tỉnh theo cách cũ", "Data with an older province value")}>
          {others.map((v) => <option key={v} value={v}>{otherLabel(v)}</option>)}
        </optgroup>
      )}
    </select>
  );
}
