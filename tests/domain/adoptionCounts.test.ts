import { describe, expect, it } from "vitest";
import { adoptionCounts } from "../../src/domain/adoption";
import type { Agency } from "../../src/domain/agency";
import { agencyKindOf } from "../../src/domain/agencyKindOf";
import type { DocumentRef } from "../../src/domain/result";

const agency = (id: string, name: string, over: Partial<Agency> = {}): Agency => ({
  id, name, kind: agencyKindOf(name), parentId: null, province: "da-nang", validFrom: null, validTo: null, successorId: null, successorKind: null, needsReview: false, ...over,
});
const ref: DocumentRef = { number: "1/QĐ", date: "2024-01-10" };
const steps = (n: number) => ({ steering: n > 0 ? ref : null, build: n > 1 ? ref : null, apply: n > 2 ? ref : null, declare: n > 3 ? ref : null, maintain: n > 4 ? ref : null });

describe("adoption by level and scope (QĐ 19 Phụ lục II)", () => {
  const registry = [
    agency("ubnd", "UBND thành phố Đà Nẵng"),
    agency("vp", "Văn phòng UBND thành phố Đà Nẵng"),
    agency("so", "Sở Tư pháp"),
    agency("cc", "Chi cục Thủy lợi"),
    agency("huyen", "UBND huyện Hòa Vang", { validTo: "2025-06-30" }),
    agency("xa1", "UBND xã Hòa Vang", { validFrom: "2025-07-01" }),
    agency("xa2", "UBND phường Hải Châu", { validFrom: "2025-07-01" }),
    agency("old", "UBND xã Hòa Phong", { validTo: "2025-06-30", successorId: "xa1", successorKind: "merged" }),
    agency("tt", "Trung tâm Phục vụ hành chính công"),
  ];

  it("counts systems in force on the date, the UBND tỉnh and its Văn phòng as one as far along as the further", () => {
    const adoptions = [
      { agencyId: "vp", ...steps(4) },
      { agencyId: "ubnd", ...steps(2) },
      { agencyId: "so", ...steps(5) },
      { agencyId: "cc", ...steps(3) },
      { agencyId: "xa1", ...steps(4) },
      { agencyId: "old", ...steps(5) },
    ];
    expect(adoptionCounts(registry, adoptions, "2026-12-31")).toEqual([
      { level: "province", scope: "required", systems: 3, applying: 3, declared: 2 },
      { level: "commune", scope: "encouraged", systems: 2, applying: 1, declared: 1 },
      { level: "public_service", scope: "by_decision", systems: 1, applying: 0, declared: 0 },
    ]);
    // Before 1/7/2025 the district and the old commune exist, the new units do not.
    expect(adoptionCounts(registry, adoptions, "2025-06-30")).toEqual([
      { level: "province", scope: "required", systems: 3, applying: 3, declared: 2 },
      { level: "district", scope: "required", systems: 1, applying: 0, declared: 0 },
      { level: "commune", scope: "encouraged", systems: 1, applying: 1, declared: 1 },
      { level: "public_service", scope: "by_decision", systems: 1, applying: 0, declared: 0 },
    ]);
  });
});
