import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AGENCY_KINDS, agencyScopeOf, AgencySchema, type Agency } from "../../src/domain/agency";
import { agencyKindOf } from "../../src/domain/agencyKindOf";
import { buildRegistry, DISTRICT_LEVEL_LAST_DAY } from "../../src/domain/buildRegistry";
import { planCheck } from "../../src/domain/planCheck";
import { PROVINCES, readProvince } from "../../src/domain/provinces";
import { readAgency, registryEntries } from "../../src/domain/registryFlags";
import { reorganiseAgencies } from "../../src/domain/reorganiseAgencies";
import { reorganiseSuccessor } from "../../src/domain/reorganiseSuccessor";
import { defaultPlanEntries } from "../../src/app/dost/defaultPlanEntries";

const ids = () => {
  let n = 0;
  return () => `a${String(++n).padStart(3, "0")}`;
};
const agency = (id: string, name: string, over: Partial<Agency> = {}): Agency => ({
  id, name, kind: agencyKindOf(name), parentId: null, province: "ho-chi-minh", validFrom: null, validTo: null, successorId: null, successorKind: null, needsReview: false, ...over,
});

describe("the six centrally-run cities (QĐ 19 Art. 2.1.b: UBND tỉnh, thành phố trực thuộc Trung ương)", () => {
  const CITIES = ["Hà Nội", "Hải Phòng", "Huế", "Đà Nẵng", "Cần Thơ", "Hồ Chí Minh"];

  it("reads both spellings of each city's committee as a province committee", () => {
    for (const city of CITIES) {
      expect([agencyKindOf(`UBND thành phố ${city}`), agencyKindOf(`Ủy ban nhân dân Thành phố ${city}`), agencyKindOf(`UBND TP. ${city}`)]).toEqual(["province_committee", "province_committee", "province_committee"]);
    }
    expect(agencyKindOf("Uỷ ban nhân dân TP.HCM")).toBe("province_committee");
    // A provincial city and a district-level city of a centrally-run city stay district committees.
    expect(agencyKindOf("UBND thành phố Thanh Hóa")).toBe("district_committee");
    expect(agencyKindOf("UBND thành phố Thủ Đức")).toBe("district_committee");
    expect(agencyKindOf("UBND quận Hải Châu")).toBe("district_committee");
  });

  it("keeps each city's committee in force and in the 2026 plan when a list names it as a parent", () => {
    const rows = CITIES.map((city, i) => ({ line: i + 1, tt: String(i + 1), name: `Sở Nội vụ ${city}`, parentName: i % 2 ? `Ủy ban nhân dân Thành phố ${city}` : `Thành phố ${city}`, cohortYear: null }));
    const reg = buildRegistry(rows, [], { province: "ha-noi", newId: ids() });
    const committees = reg.created.filter((a) => a.parentId === null);
    expect(committees.map((a) => [a.kind, a.validTo])).toEqual(CITIES.map(() => ["province_committee", null]));
    const check = planCheck({ year: 2026, province: "ha-noi", onsiteShare: 1 / 3, entries: [] }, reg.created);
    expect(check.requiredSet).toHaveLength(12);
    expect(check.requiredSet).toEqual(expect.arrayContaining(committees.map((a) => a.id)));
  });
});

describe("scope of each agency (QĐ 19 Art. 2, TT 26 Art. 6)", () => {
  it("marks kinds required, encouraged (communes, Art. 2.2.c) or by decision of the UBND tỉnh", () => {
    expect(Object.fromEntries(AGENCY_KINDS.map((k) => [k, agencyScopeOf(k)]))).toEqual({
      province_committee: "required",
      province_office: "required",
      province_department: "required",
      sub_department: "required",
      public_service_unit: "by_decision",
      district_committee: "required",
      district_department: "required",
      commune_committee: "encouraged",
      ward_committee: "encouraged",
      special_zone_committee: "encouraged",
      other: "by_decision",
    });
    expect(agencyKindOf("Chi cục Kiểm lâm")).toBe("sub_department");
    expect(agencyKindOf("Trung tâm Phục vụ hành chính công tỉnh")).toBe("public_service_unit");
    expect(agencyKindOf("Văn phòng UBND tỉnh Thanh Hóa")).toBe("province_office");
    expect(agencyKindOf("Văn phòng HĐND và UBND huyện Quan Hóa")).toBe("district_department");
    expect(agencyKindOf("Sở Khoa học và Công nghệ")).toBe("province_department");
  });

  it("counts the UBND tỉnh and its Văn phòng once, and only required agencies for the third on site and the desk reviews", () => {
    const list = [
      agency("ubnd", "UBND tỉnh Thanh Hóa"),
      agency("vp", "Văn phòng UBND tỉnh Thanh Hóa", { parentId: "ubnd" }),
      agency("s1", "Sở Tư pháp"),
      agency("s2", "Sở Y tế"),
      agency("cc", "Chi cục Kiểm lâm"),
      agency("tt", "Trung tâm Phục vụ hành chính công"),
      ...["A", "B", "C", "D", "E", "G"].map((x) => agency(`x${x}`, `UBND xã ${x}`)),
    ].map((a) => ({ ...a, province: "thanh-hoa" }));
    const desk = (agencyId: string) => ({ agencyId, mode: "desk" as const, teamId: "t", month: 3 });
    const onsite = (agencyId: string) => ({ agencyId, mode: "onsite" as const, teamId: "t", month: 9 });
    // The office's desk review and visit are the committee's (one QMS): 5 required units, ceil(5/3) = 2 on site.
    const r = planCheck({ year: 2026, province: "thanh-hoa", onsiteShare: 1 / 3, entries: [desk("vp"), desk("s1"), desk("s2"), desk("cc"), onsite("vp"), onsite("s1")] }, list);
    expect(r.requiredSet).toEqual(["cc", "s1", "s2", "ubnd"]);
    expect(r.inScope).toEqual(["cc", "s1", "s2", "tt", "ubnd", "xA", "xB", "xC", "xD", "xE", "xG"]);
    expect(r).toMatchObject({ onsite: 2, required: 2, problems: [] });
    // Six communes visited on site do not make up for the required agencies.
    const communes = planCheck({ year: 2026, province: "thanh-hoa", onsiteShare: 1 / 3, entries: [desk("ubnd"), desk("s1"), desk("s2"), ...["xA", "xB", "xC", "xD", "xE", "xG"].map(onsite)] }, list);
    expect(communes.problems).toEqual([{ kind: "missing_desk", agencyId: "cc" }, { kind: "onsite_share", onsite: 0, required: 2 }]);
    // The default plan reviews everyone in scope on paper and visits a third of the required set.
    const plan = defaultPlanEntries(r, ["t1"], 1 / 3, new Map([["s2", 3]]));
    expect(plan.filter((e) => e.mode === "desk").map((e) => e.agencyId)).toEqual(r.inScope);
    expect(plan.filter((e) => e.mode === "onsite").map((e) => e.agencyId)).toEqual(["s2", "cc"]);
    expect(planCheck({ year: 2026, province: "thanh-hoa", onsiteShare: 1 / 3, entries: plan }, list).problems).toEqual([]);
  });
});

describe("units left over by the 2025 reorganisation", () => {
  const district = agency("d", "UBND huyện Củ Chi", { kind: "district_committee", validTo: DISTRICT_LEVEL_LAST_DAY });
  const commune = agency("c", "UBND xã Tân Thông Hội", { parentId: "d" });
  const town = agency("t", "UBND thị trấn Củ Chi");
  const ward = agency("w", "UBND phường Bến Thành", { validFrom: "2025-07-01" });
  const so = agency("s", "Sở Tư pháp");

  it("flags an open-ended unit under an ended parent and a thị trấn in force after 30/6/2025, and keeps them out of the default plan", () => {
    const entries = registryEntries([district, commune, town, ward, so]);
    expect(entries.map((e) => [e.agency.id, e.flags])).toEqual([["d", []], ["c", ["parent_ended"]], ["t", ["town_after_reorganisation"]], ["w", []], ["s", []]]);
    const check = planCheck({ year: 2026, province: "ho-chi-minh", onsiteShare: 1 / 3, entries: [{ agencyId: "t", mode: "desk", teamId: "x", month: 3 }] }, [district, commune, town, ward, so]);
    expect(check.inScope).toEqual(["s", "w"]);
    expect(check.flagged).toEqual([{ agencyId: "c", flags: ["parent_ended"] }, { agencyId: "t", flags: ["town_after_reorganisation"] }]);
    expect(check.problems).toContainEqual({ kind: "flagged", agencyId: "t", flags: ["town_after_reorganisation"] });
    expect(defaultPlanEntries(check, ["x"], 1 / 3).map((e) => e.agencyId).sort()).toEqual(["s", "s", "w"]);
    // A thị trấn that ended by 30/6/2025 is history, not a flag.
    expect(registryEntries([{ ...town, validTo: "2025-06-30" }])[0]!.flags).toEqual([]);
  });

  it("clears the flags once DOST records the successor", () => {
    const successor = agency("n", "UBND xã Tân An Hội", { validFrom: "2025-07-01" });
    const after = reorganiseAgencies({ sources: [commune, town], successor, kind: "merged", effectiveOn: "2025-07-01" });
    const registry = [district, ward, so, ...after];
    expect(registryEntries(registry).filter((e) => e.flags.length > 0)).toEqual([]);
    expect(planCheck({ year: 2026, province: "ho-chi-minh", onsiteShare: 1 / 3, entries: [] }, registry).inScope).toEqual(["n", "s", "w"]);
  });
});

describe("the 34 provinces (Resolution 202/2025/QH15)", () => {
  it("ships 28 provinces and 6 cities with distinct ids and codes, covering the 63 provinces before 1/7/2025", () => {
    expect(PROVINCES).toHaveLength(34);
    expect(PROVINCES.filter((p) => p.level === "thanh_pho").map((p) => p.name)).toEqual(["Hà Nội", "Hải Phòng", "Huế", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"]);
    expect(new Set(PROVINCES.map((p) => p.id)).size).toBe(34);
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(34);
    expect(PROVINCES.flatMap((p) => p.formerNames)).toHaveLength(63);
    expect(PROVINCES.find((p) => p.id === "thanh-hoa")).toMatchObject({ name: "Thanh Hóa", code: "38" });
  });

  it("reads ids, codes, names with or without diacritics, old spellings and merged provinces; keeps unknown values with a warning", () => {
    const id = (v: string) => readProvince(v).province?.id ?? null;
    expect(["thanh-hoa", "38", "Thanh Hóa", "Thanh Hoá", "tỉnh thanh hoa", "THANH HOA"].map(id)).toEqual(Array(6).fill("thanh-hoa"));
    expect(["TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh", "TP.HCM", "TPHCM", "Ủy ban nhân dân Thành phố Hồ Chí Minh"].map(id)).toEqual(Array(5).fill("ho-chi-minh"));
    expect(readProvince("Bình Định")).toEqual({ province: expect.objectContaining({ id: "gia-lai" }), formerName: "Bình Định" });
    expect(readProvince("Thừa Thiên Huế").province?.id).toBe("hue");
    expect(readProvince("Bà Rịa - Vũng Tàu").province?.id).toBe("ho-chi-minh");
    expect(readProvince("Kon Tum").province?.id).toBe("quang-ngai");
    const unknown = readProvince("P1");
    expect(unknown.province).toBeNull();
    expect("warning" in unknown && unknown.warning).toContain("không có trong danh mục 34 tỉnh, thành phố");
  });
});

describe("rows written to the older contract still open", () => {
  const fixture = JSON.parse(readFileSync(join(import.meta.dirname, "../fixtures/registry/agencies-before-scope-rules.json"), "utf8")) as { agencies: unknown[] };
  const rows = fixture.agencies.map((a) => AgencySchema.parse(a));

  it("reads the city's committee, its office, the Chi cục and the centre by today's rules, and flags what the reorganisation left", () => {
    expect(rows).toHaveLength(8);
    const read = registryEntries(rows);
    expect(read.map((e) => [e.agency.id, e.agency.kind, e.agency.validTo, e.scope, e.flags])).toEqual([
      ["hcm", "province_committee", null, "required", ["central_city_as_district"]],
      ["vp", "province_office", null, "required", []],
      ["so-tp", "province_department", null, "required", []],
      ["chi-cuc", "sub_department", null, "required", []],
      ["trung-tam", "public_service_unit", null, "by_decision", []],
      ["cu-chi", "district_committee", "2025-06-30", "required", []],
      ["tan-thong-hoi", "commune_committee", null, "encouraged", ["parent_ended"]],
      ["tt-cu-chi", "commune_committee", null, "encouraged", ["town_after_reorganisation"]],
    ]);
    expect(readAgency(rows[0]!)).toMatchObject({ kind: "province_committee", validTo: null });
    // The free-text province names one of the 34.
    expect(readProvince(rows[0]!.province).province?.id).toBe("ho-chi-minh");
  });

  it("puts a new commune replacing a former district's units under the city's committee, even as an older import stored it", () => {
    const choice = reorganiseSuccessor("UBND xã Tân An Hội", [rows[6]!], rows, { effectiveOn: "2025-07-01", newId: () => "new" });
    expect(choice).toEqual({ isNew: true, successor: expect.objectContaining({ id: "new", kind: "commune_committee", parentId: "hcm", validFrom: "2025-07-01" }) });
  });

  it("puts the city's committee back in the 2026 plan, with its office counted in it", () => {
    const check = planCheck({ year: 2026, province: "TP. Hồ Chí Minh", onsiteShare: 1 / 3, entries: [] }, rows);
    expect(check.requiredSet).toEqual(["chi-cuc", "hcm", "so-tp"]);
    expect(check.inScope).toEqual(["chi-cuc", "hcm", "so-tp"]);
    expect(check.flagged.map((f) => f.agencyId)).toEqual(["tan-thong-hoi", "tt-cu-chi"]);
    expect(check.required).toBe(1);
  });
});
