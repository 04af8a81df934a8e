import { useState } from "react";

const TABS = [
  ["registry", "Danh mục cơ quan"],
  ["checklists", "Bộ tiêu chí"],
  ["plan", "Kế hoạch kiểm tra"],
  ["adoption", "Tiến độ áp dụng"],
  ["dashboard", "Kết quả tổng hợp"],
  ["followup", "Theo dõi khắc phục"],
  ["reports", "Báo cáo"],
] as const;
type Tab = (typeof TABS)[number][0];

/** The DOST console (route /dost, roles dost and admin). */
export default function DostConsole() {
  const [tab, setTab] = useState<Tab>("dashboard");
  return (
    <section aria-label="Bảng điều khiển Sở KH&CN">
      <h1>Sở Khoa học và Công nghệ</h1>
      <nav role="tablist">
        {TABS.map(([id, label]) => (
          <button key={id} role="tab" aria-selected={tab === id} onClick={() => setTab(id)}>
            {label}
          </button>
        ))}
      </nav>
      <div role="tabpanel">{TABS.find(([id]) => id === tab)?.[1]}</div>
    </section>
  );
}
