import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Agency } from "../../src/domain/agency";
import { agencyRowsFromTable } from "../../src/domain/agencyRowsFromTable";
import { buildRegistry, DISTRICT_LEVEL_LAST_DAY } from "../../src/domain/buildRegistry";
import { currentUnitOf } from "../../src/domain/currentUnitOf";
import { foldVietnamese } from "../../src/domain/foldVietnamese";
import { isAgencyValidOn } from "../../src/domain/isAgencyValidOn";
import { parseAgencyList } from "../../src/domain/parseAgencyList";
import { predecessorsOf } from "../../src/domain/predecessorsOf";
import { reorganiseAgencies } from "../../src/domain/reorganiseAgencies";
import { sharedFile } from "../support/sharedFile";

const SEED = readFileSync(sharedFile("seeds/003_9b846d1ee19f2a62.txt"), "utf8");
const ids = () => {
  let n = 0;
  return () => `a${String(++n).padStart(4, "0")}`;
};

describe("registry import (seed 003 shape)", () => {
  const parsed = parseAgencyList(SEED);

  it("reads the 92 communes in cohorts of 32/36/24 with their districts", () => {
    expect(parsed.warnings).toEqual([]);
    expect(parsed.rows).toHaveLength(92);
    const byYear = new Map<number | null, number>();
    for (const r of parsed.rows) byYear.set(r.cohortYear, (byYear.get(r.cohortYear) ?? 0) + 1);
    expect([...byYear]).toEqual([[2022, 32], [2023, 36], [2024, 24]]);
    expect(parsed.rows[0]).toMatchObject({ tt: "1", name: "UBND xã Thành Thọ", parentName: "Huyện Thạch Thành", cohortYear: 2022 });
    // Blank parent cells inherit the row above.
    expect(parsed.rows[1]).toMatchObject({ name: "UBND xã Thạch Cẩm", parentName: "Huyện Thạch Thành" });
    expect(parsed.rows[91]).toMatchObject({ tt: "24", name: "UBND xã Lương Nội", parentName: "Huyện Bá Thước", cohortYear: 2024 });
  });

  it("creates districts once (Quan Hoá = Quan Hóa), communes under them, two Thành Sơn under different districts", () => {
    const reg = buildRegistry(parsed.rows, [], { province: "thanh-hoa", newId: ids() });
    const districts = reg.created.filter((a) => a.kind === "district_committee");
    expect(districts.map((d) => d.name).sort()).toEqual(
      [
        "UBND huyện Bá Thước", "UBND huyện Lang Chánh", "UBND huyện Mường Lát", "UBND huyện Ngọc Lặc", "UBND huyện Như Xuân",
        "UBND huyện Quan Hóa", "UBND huyện Quan Sơn", "UBND huyện Thường Xuân", "UBND huyện Thạch Thành",
      ].sort(),
    );
    expect(districts.every((d) => d.validTo === DISTRICT_LEVEL_LAST_DAY)).toBe(true);
    const communes = reg.created.filter((a) => a.kind === "commune_committee");
    expect(communes).toHaveLength(92);
    const thanhSon = communes.filter((c) => c.name === "UBND xã Thành Sơn");
    expect(new Set(thanhSon.map((c) => c.parentId)).size).toBe(2);
    expect(reg.cohorts.size).toBe(92);
    expect(reg.warnings).toEqual([]);
  });

  it("re-importing matches every agency instead of duplicating it", () => {
    const first = buildRegistry(parsed.rows, [], { province: "thanh-hoa", newId: ids() });
    const again = buildRegistry(parsed.rows, first.created, { province: "thanh-hoa", newId: () => "new" });
    expect(again.created).toEqual([]);
    expect(again.matched).toHaveLength(92);
  });

  it("reads CSV/XLSX-shaped tables with header detection and flags bad cells", () => {
    const table = [
      ["Danh sách"],
      ["STT", "Tên đơn vị", "Đơn vị chủ quản", "Năm"],
      ["1", "UBND xã Trung Lý", "Huyện Mường Lát", 2023],
      ["2", "UBND phường Hạc Thành", "", "20x4"],
      ["3", "Sở Nội vụ", "UBND tỉnh Thanh Hóa", ""],
      ["4", "", "", ""],
    ];
    const out = agencyRowsFromTable(table);
    expect(out.rows.map((r) => [r.name, r.parentName, r.cohortYear])).toEqual([
      ["UBND xã Trung Lý", "Huyện Mường Lát", 2023],
      ["UBND phường Hạc Thành", "Huyện Mường Lát", null],
      ["Sở Nội vụ", "UBND tỉnh Thanh Hóa", null],
    ]);
    expect(out.warnings).toEqual(['Dòng 4: năm "20x4" không hợp lệ, bỏ qua.']);
    const reg = buildRegistry(out.rows, [], { province: "thanh-hoa", newId: ids() });
    expect(reg.created.map((a) => a.kind)).toEqual(["district_committee", "commune_committee", "ward_committee", "province_committee", "province_department"]);
    expect(agencyRowsFromTable([["a", "b"]]).warnings[0]).toMatch(/Không tìm thấy dòng tiêu đề/);
  });

  it("takes a list's kind and validity columns (the 2025 lists), and updates known agencies from them", () => {
    const table = [
      ["TT", "Tên đơn vị", "Đơn vị chủ quản", "Loại", "Hiệu lực từ", "Hiệu lực đến"],
      ["1", "UBND huyện Mường Lát", "UBND tỉnh Thanh Hóa", "", "", ""],
      ["2", "UBND xã Mường Lý", "", "ubnd xa", "01/07/2025", ""],
      ["3", "Trung tâm Phục vụ hành chính công tỉnh", "", "Sở, ban, ngành cấp tỉnh", "2025-03-01", ""],
      ["4", "UBND xã Trung Lý", "", "xã", "31/02/2025", "30/6/2025"],
      ["5", "UBND xã Tam Chung", "", "", "01/07/2025", "30/06/2025"],
    ];
    const out = agencyRowsFromTable(table);
    expect(out.rows.map((r) => [r.name, r.kind, r.validFrom, r.validTo])).toEqual([
      ["UBND huyện Mường Lát", undefined, undefined, undefined],
      ["UBND xã Mường Lý", "commune_committee", "2025-07-01", undefined],
      ["Trung tâm Phục vụ hành chính công tỉnh", "province_department", "2025-03-01", undefined],
      ["UBND xã Trung Lý", undefined, undefined, "2025-06-30"],
      ["UBND xã Tam Chung", undefined, undefined, undefined],
    ]);
    expect(out.warnings).toEqual([
      'Dòng 5: loại cơ quan "xã" không có trong danh mục loại; đoán theo tên.',
      'Dòng 5: ngày hiệu lực từ "31/02/2025" không hợp lệ (cần dd/mm/yyyy), bỏ qua.',
      'Dòng 6: "UBND xã Tam Chung" hết hiệu lực trước khi bắt đầu; bỏ qua hai ngày này.',
    ]);
    const reg = buildRegistry(out.rows, [], { province: "thanh-hoa", newId: ids() });
    const by = new Map(reg.created.map((a) => [a.name, a]));
    // Without a stated kind the name decides; a district keeps the end of the district level.
    expect(by.get("UBND huyện Mường Lát")).toMatchObject({ kind: "district_committee", validFrom: null, validTo: DISTRICT_LEVEL_LAST_DAY });
    expect(by.get("Trung tâm Phục vụ hành chính công tỉnh")).toMatchObject({ kind: "province_department", validFrom: "2025-03-01", validTo: null, needsReview: false });
    expect(by.get("UBND xã Trung Lý")).toMatchObject({ kind: "commune_committee", validTo: "2025-06-30" });
    expect(reg.updated).toEqual([]);
    // The next list ends Mường Lý and renames nothing else: only that agency is updated, nothing is created.
    const next = agencyRowsFromTable([table[0]!, ["1", "UBND xã Mường Lý", "UBND tỉnh Thanh Hóa", "", "", "31/12/2026"]]);
    const again = buildRegistry(next.rows, reg.created, { province: "thanh-hoa", newId: () => "never" });
    expect(again.created).toEqual([]);
    expect(again.updated).toEqual([{ ...by.get("UBND xã Mường Lý")!, validTo: "2026-12-31" }]);
  });

  it("search folds diacritics: 'muong ly' finds 'Mường Lý', 'dong luong' finds 'Đồng Lương'", () => {
    const names = parsed.rows.map((r) => r.name);
    const find = (q: string) => names.filter((n) => foldVietnamese(n).includes(foldVietnamese(q)));
    expect(find("muong ly")).toEqual(["UBND xã Mường Lý"]);
    expect(find("dong luong")).toEqual(["UBND xã Đồng Lương"]);
    expect(find("Đồng Lương")).toEqual(["UBND xã Đồng Lương"]);
    expect(find("thuy son")).toEqual(["UBND xã Thuý Sơn"]);
  });
});

describe("2025 reorganisation", () => {
  const base = (id: string, name: string): Agency => ({
    id, name, kind: "commune_committee", parentId: "d1", province: "thanh-hoa",
    validFrom: null, validTo: null, successorId: null, successorKind: null, needsReview: false,
  });

  it("merges end the sources the day before, link them, and history rolls up through renames", () => {
    const a = base("a", "UBND xã Trung Lý");
    const b = base("b", "UBND xã Mường Lý");
    const merged = base("m", "UBND xã Mường Lý mới");
    const step1 = reorganiseAgencies({ sources: [a, b], successor: merged, kind: "merged", effectiveOn: "2025-07-01" });
    expect(step1.map((x) => [x.id, x.validFrom, x.validTo, x.successorId, x.successorKind])).toEqual([
      ["a", null, "2025-06-30", "m", "merged"],
      ["b", null, "2025-06-30", "m", "merged"],
      ["m", "2025-07-01", null, null, null],
    ]);
    const renamed = base("r", "UBND xã Trung Lý");
    const step2 = reorganiseAgencies({ sources: [step1[2]!], successor: renamed, kind: "renamed", effectiveOn: "2026-01-01" });
    const all = [...step1.slice(0, 2), ...step2];
    const byId = new Map(all.map((x) => [x.id, x]));
    expect(currentUnitOf("a", byId)).toBe("r");
    expect(predecessorsOf("r", all)).toEqual(["r", "a", "b", "m"]);
    expect(isAgencyValidOn(byId.get("a")!, "2025-06-30")).toBe(true);
    expect(isAgencyValidOn(byId.get("a")!, "2025-07-01")).toBe(false);
    // A cycle never loops forever.
    const cyc = new Map([["x", { id: "x", successorId: "y" }], ["y", { id: "y", successorId: "x" }]]);
    expect(currentUnitOf("x", cyc)).toBe("y");
    expect(() => reorganiseAgencies({ sources: [a, b], successor: merged, kind: "renamed", effectiveOn: "2025-07-01" })).toThrow();
  });
});
