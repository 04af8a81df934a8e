import { describe, expect, it } from "vitest";
import type { Agency } from "../../src/domain/agency";
import { buildRegistry } from "../../src/domain/buildRegistry";
import { isAgencyValidOn } from "../../src/domain/isAgencyValidOn";
import { parseAgencyList } from "../../src/domain/parseAgencyList";
import { predecessorsOf } from "../../src/domain/predecessorsOf";
import { reorganiseAgencies } from "../../src/domain/reorganiseAgencies";
import { reorganiseSuccessor, successorLabel } from "../../src/domain/reorganiseSuccessor";

const LIST = `TT
Tên đơn vị
Tên đơn vị chủ quản
\t1.
\tUBND xã Mường Lý
\tHuyện Mường Lát
\t2.
\tUBND xã Trung Lý
\t
\t3.
\tUBND xã Thành Sơn
\tHuyện Quan Hóa
\t4.
\tUBND xã Thành Sơn
\tHuyện Bá Thước
`;

function registry(): Agency[] {
  let n = 0;
  const reg = buildRegistry(parseAgencyList(LIST).rows, [], { province: "thanh-hoa", newId: () => `a${++n}` });
  const province: Agency = { ...reg.created[0]!, id: "tinh", name: "UBND tỉnh Thanh Hóa", kind: "province_committee", parentId: null, validTo: null };
  return [...reg.created, province];
}
const byName = (all: Agency[], name: string, parent?: string) =>
  all.find((a) => a.name === name && (parent === undefined || all.find((p) => p.id === a.parentId)?.name === parent))!;

describe("reorganiseSuccessor: the unit that merged or renamed agencies become", () => {
  it("a new unit named like one of the merged communes is a new unit, not that commune (which keeps its past)", () => {
    const all = registry();
    const sources = [byName(all, "UBND xã Mường Lý"), byName(all, "UBND xã Trung Lý")];
    const c = reorganiseSuccessor(" UBND  xã Mường Lý ", sources, all, { effectiveOn: "2025-07-01", newId: () => "moi" });
    if ("error" in c) throw new Error(c.error);
    expect(c.isNew).toBe(true);
    // Its district ended with the district level: the new commune sits under the province's committee.
    expect(c.successor).toMatchObject({ id: "moi", name: "UBND xã Mường Lý", kind: "commune_committee", parentId: "tinh", validFrom: "2025-07-01", validTo: null });
    const next = reorganiseAgencies({ sources, successor: c.successor, kind: "merged", effectiveOn: "2025-07-01", successorExisted: !c.isNew });
    const old = next.find((a) => a.id === sources[0]!.id)!;
    expect([old.validFrom, old.validTo, old.successorId]).toEqual([null, "2025-06-30", "moi"]);
    expect(isAgencyValidOn(old, "2024-09-10")).toBe(true);
    expect(predecessorsOf("moi", [...all.filter((a) => !next.some((x) => x.id === a.id)), ...next]).sort()).toEqual(["moi", ...sources.map((s) => s.id)].sort());
  });

  it("an existing unit absorbing others keeps its own validity; two units of one name need the label with the parent", () => {
    const all = registry();
    const trungLy = byName(all, "UBND xã Trung Lý");
    const ambiguous = reorganiseSuccessor("ubnd xa thanh son", [trungLy], all, { effectiveOn: "2025-07-01", newId: () => "x" });
    expect(ambiguous).toEqual({ error: 'Có 2 đơn vị cùng tên "ubnd xa thanh son"; hãy chọn đúng đơn vị trong danh sách gợi ý (tên — đơn vị chủ quản).' });
    const target = byName(all, "UBND xã Thành Sơn", "UBND huyện Bá Thước");
    const label = successorLabel(target, new Map(all.map((a) => [a.id, a])));
    expect(label).toBe("UBND xã Thành Sơn — UBND huyện Bá Thước");
    const c = reorganiseSuccessor(label, [trungLy], all, { effectiveOn: "2025-07-01", newId: () => "x" });
    if ("error" in c) throw new Error(c.error);
    expect([c.isNew, c.successor.id]).toEqual([false, target.id]);
    const next = reorganiseAgencies({ sources: [trungLy], successor: c.successor, kind: "merged", effectiveOn: "2025-07-01", successorExisted: true });
    expect(next.find((a) => a.id === target.id)!.validFrom).toBeNull();
    expect(next.find((a) => a.id === trungLy.id)!.successorId).toBe(target.id);
  });

  it("refuses an empty name, no picked agency, and renaming a unit to itself", () => {
    const all = registry();
    const ml = byName(all, "UBND xã Mường Lý");
    expect(reorganiseSuccessor("  ", [ml], all, { effectiveOn: "2025-07-01", newId: () => "x" })).toEqual({ error: "Cần nhập tên đơn vị kế thừa." });
    expect(reorganiseSuccessor("UBND xã A", [], all, { effectiveOn: "2025-07-01", newId: () => "x" })).toEqual({ error: "Hãy chọn ít nhất một cơ quan." });
    expect(() => reorganiseAgencies({ sources: [ml], successor: ml, kind: "renamed", effectiveOn: "2025-07-01" })).toThrow();
  });
});
