import { useState } from "react";
import { useSession } from "../hooks/useSession";
import { AccountsTab } from "./AccountsTab";
import { AdoptionTab } from "./AdoptionTab";
import { BundleImportTab } from "./BundleImportTab";
import { ChecklistTab } from "./ChecklistTab";
import { DashboardTab } from "./DashboardTab";
import { FollowUpTab } from "./FollowUpTab";
import { PlanTab } from "./PlanTab";
import { ProvinceSelect } from "./ProvinceSelect";
import { RegistryTab } from "./RegistryTab";
import { ReportsTab } from "./ReportsTab";
import { useDostT } from "./useDostT";

const TABS = [
  ["dashboard", "Kết quả tổng hợp", "Merged results"],
  ["registry", "Danh mục cơ quan", "Agency registry"],
  ["checklists", "Bộ tiêu chí", "Checklists"],
  ["plan", "Kế hoạch kiểm tra", "Yearly plan"],
  ["adoption", "Tiến độ áp dụng", "Adoption"],
  ["followup", "Theo dõi khắc phục", "Follow-up"],
  ["reports", "Báo cáo", "Reports"],
  ["bundle", "Nhập gói đồng bộ", "Import sync bundle"],
  ["accounts", "Tài khoản và đoàn", "Accounts and teams"],
] as const;
type Tab = (typeof TABS)[number][0];

/** The DOST console (route /dost, roles dost and admin): registry, checklists, plan, adoption, merged results,
 * follow-up, reports, sync bundles carried from tablets, and the province's accounts and teams. DOST data goes out through the same local writes and sync push as everyone else's. */
export default function DostConsole() {
  const t = useDostT();
  const session = useSession();
  const [tab, setTab] = useState<Tab>("dashboard");
  const [year, setYear] = useState(new Date().getFullYear());
  // The field holds what is typed; the console follows only whole years, so "202" never queries year 202.
  const [yearText, setYearText] = useState(String(year));
  const [adminProvince, setAdminProvince] = useState("");
  if (!session) return null;
  const province = session.user.role === "admin" ? adminProvince : (session.user.province ?? "");
  return (
    <section aria-label={t("Bảng điều khiển Sở KH&CN", "DOST console")}>
      <h1>{t("Sở Khoa học và Công nghệ", "Department of Science and Technology")}</h1>
      <div className="row">
        <label>
          {t("Năm", "Year")}{" "}
          <input inputMode="numeric" data-testid="dost-year" value={yearText} style={{ width: "6em" }} onChange={(e) => {
            setYearText(e.target.value);
            const y = Number(e.target.value);
            if (/^\d{4}$/.test(e.target.value) && y >= 2014 && y <= 2100) setYear(y);
          }} />
        </label>
        {session.user.role === "admin" && (
          <label>
            {t("Tỉnh", "Province")} <ProvinceSelect value={adminProvince} onChange={setAdminProvince} />
          </label>
        )}
      </div>
      <nav role="tablist" className="tabs">
        {TABS.map(([id, vi, en]) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} className={tab === id ? "primary" : undefined} onClick={() => setTab(id)}>
            {t(vi, en)}
          </button>
        ))}
      </nav>
      {!province ? (
        <p className="banner">{t("Chọn tỉnh để xem.", "Pick a province.")}</p>
      ) : (
        <div role="tabpanel">
          {tab === "dashboard" && <DashboardTab token={session.token} province={province} year={year} />}
          {tab === "registry" && <RegistryTab token={session.token} province={province} />}
          {tab === "checklists" && <ChecklistTab province={province} />}
          {tab === "plan" && <PlanTab token={session.token} province={province} year={year} />}
          {tab === "adoption" && <AdoptionTab province={province} />}
          {tab === "followup" && <FollowUpTab province={province} />}
          {tab === "reports" && <ReportsTab token={session.token} province={province} year={year} />}
          {tab === "bundle" && <BundleImportTab token={session.token} />}
          {tab === "accounts" && <AccountsTab token={session.token} province={province} me={session.user} />}
        </div>
      )}
    </section>
  );
}
