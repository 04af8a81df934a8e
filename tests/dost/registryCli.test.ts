import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runRegistryCommand, type RegistryJson } from "../../src/server/registry/runRegistryCommand";
import { writeXlsx } from "../../src/report/xlsx/writeXlsx";
import { sharedFile } from "../support/sharedFile";

const dir = mkdtempSync(join(tmpdir(), "registry-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A 2026 list of Hồ Chí Minh City: the city's committee in the spelling of its own documents, its office, a Sở, a
// Chi cục, a centre, a ward of today and two units the reorganisation left (a thị trấn, a commune of an ended district).
const TABLE = [
  ["DANH SÁCH CƠ QUAN ÁP DỤNG HTQLCL NĂM 2026"],
  ["STT", "Tên đơn vị", "Đơn vị chủ quản", "Loại", "Hiệu lực từ", "Hiệu lực đến"],
  ["1", "Văn phòng UBND Thành phố Hồ Chí Minh", "Ủy ban nhân dân Thành phố Hồ Chí Minh", "", "", ""],
  ["2", "Sở Khoa học và Công nghệ", "", "", "", ""],
  ["3", "Chi cục Tiêu chuẩn Đo lường Chất lượng", "", "", "", ""],
  ["4", "Trung tâm Phục vụ hành chính công", "", "", "", ""],
  ["5", "UBND phường Bến Thành", "", "", "01/07/2025", ""],
  ["6", "UBND thị trấn Củ Chi", "", "", "", ""],
  ["7", "UBND xã Tân Thông Hội", "UBND huyện Củ Chi", "", "", ""],
];
const run = (...args: string[]) => runRegistryCommand(args, (p) => readFileSync(p));
const json = (r: { stdout: string }) => JSON.parse(r.stdout) as RegistryJson;

describe("npm run registry -- import", () => {
  it("prints each agency's kind, scope, flags and QMS unit from an XLSX list, the province read from the list", () => {
    const file = join(dir, "hcm.xlsx");
    writeFileSync(file, writeXlsx([{ name: "DS", rows: TABLE }]));
    const r = run("import", file);
    expect(r.code).toBe(0);
    const out = json(r);
    expect(out.province).toEqual({ id: "ho-chi-minh", name: "Hồ Chí Minh", fullName: "Thành phố Hồ Chí Minh", code: "79" });
    const by = Object.fromEntries(out.agencies.map((a) => [a.name, a]));
    const city = by["Ủy ban nhân dân Thành phố Hồ Chí Minh"]!;
    expect(city).toMatchObject({ kind: "province_committee", scope: "required", validTo: null, flags: [], heldFromPlan: false, line: null });
    expect(by["Văn phòng UBND Thành phố Hồ Chí Minh"]).toMatchObject({ kind: "province_office", scope: "required", qmsUnitId: city.id, line: 3, tt: "1", parentId: city.id });
    expect(by["Chi cục Tiêu chuẩn Đo lường Chất lượng"]).toMatchObject({ kind: "sub_department", scope: "required" });
    expect(by["Trung tâm Phục vụ hành chính công"]).toMatchObject({ kind: "public_service_unit", scope: "by_decision", scopeLabel: "Theo quyết định của UBND tỉnh" });
    expect(by["UBND phường Bến Thành"]).toMatchObject({ kind: "ward_committee", scope: "encouraged", validFrom: "2025-07-01", flags: [] });
    expect(by["UBND thị trấn Củ Chi"]).toMatchObject({ flags: ["town_after_reorganisation"], heldFromPlan: true });
    expect(by["UBND xã Tân Thông Hội"]).toMatchObject({ flags: ["parent_ended"], heldFromPlan: true });
    expect(by["UBND huyện Củ Chi"]).toMatchObject({ kind: "district_committee", validTo: "2025-06-30" });
    // The committee and its office are one QMS: 5 required agencies, 4 required QMS units.
    expect(out.counts).toEqual({ agencies: 9, required: 5, encouraged: 3, by_decision: 1, qmsUnits: 8, requiredQmsUnits: 4, flagged: 2 });
  });

  it("reads the seed's appendix text and CSV with --province by name, code or a merged province (with a warning)", () => {
    const seed = run("import", sharedFile("seeds/003_9b846d1ee19f2a62.txt"), "--province", "38");
    expect(seed.code).toBe(0);
    const s = json(seed);
    expect(s.province.id).toBe("thanh-hoa");
    expect(s.agencies.filter((a) => a.kind === "commune_committee")).toHaveLength(92);
    expect(s.agencies.filter((a) => a.cohortYear === 2023)).toHaveLength(36);
    // A 2022 list: every commune sits under a district that ended on 30/6/2025.
    expect(s.agencies.filter((a) => a.kind === "commune_committee").every((a) => a.flags.includes("parent_ended") && a.heldFromPlan)).toBe(true);
    const csv = join(dir, "gl.csv");
    writeFileSync(csv, "STT;Tên đơn vị;Đơn vị chủ quản\r\n1;Sở Tư pháp;UBND tỉnh Gia Lai\r\n");
    const merged = run("import", csv, "--province=Bình Định");
    expect(merged.code).toBe(0);
    expect(json(merged).province.id).toBe("gia-lai");
    expect(merged.stderr).toContain("warning: \"Bình Định\" đã hợp nhất vào Tỉnh Gia Lai từ 01/7/2025");
  });

  it("answers bad input in English with a non-zero exit and no partial output", () => {
    const empty = join(dir, "empty.csv");
    writeFileSync(empty, "a;b\r\n1;2\r\n");
    expect(run("import", empty, "--province", "Huế")).toMatchObject({ code: 1, stdout: "", stderr: expect.stringMatching(/^registry: .*empty\.csv: no agency list found/) });
    expect(run("import", join(dir, "missing.xlsx"))).toEqual({ code: 1, stdout: "", stderr: `registry: ${join(dir, "missing.xlsx")}: cannot read the file (no such file)\n` });
    expect(run("import", empty, "--province", "Atlantis")).toMatchObject({ code: 1, stdout: "", stderr: expect.stringContaining('unknown province "Atlantis"') });
    expect(run("import", empty, "--year", "2026")).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown option --year") });
    expect(run("export")).toMatchObject({ code: 2, stderr: expect.stringContaining("usage: npm run registry -- import <file>") });
    const csv = join(dir, "no-province.csv");
    writeFileSync(csv, "STT;Tên đơn vị;Đơn vị chủ quản\r\n1;UBND xã A;Huyện B\r\n");
    expect(run("import", csv)).toMatchObject({ code: 1, stdout: "", stderr: expect.stringContaining("give the province with --province") });
  });

  it("runs as a command: JSON on stdout, errors on stderr without a stack trace", () => {
    const csv = join(dir, "hn.csv");
    writeFileSync(csv, "STT;Tên đơn vị;Đơn vị chủ quản\r\n1;Sở Nội vụ;UBND thành phố Hà Nội\r\n");
    const ok = spawnSync(process.execPath, ["--import", "tsx", "src/server/registryCli.ts", "import", csv], { encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect((JSON.parse(ok.stdout) as RegistryJson).agencies.map((a) => [a.name, a.kind])).toEqual([["UBND thành phố Hà Nội", "province_committee"], ["Sở Nội vụ", "province_department"]]);
    const bad = spawnSync(process.execPath, ["--import", "tsx", "src/server/registryCli.ts", "import", join(dir, "nope.txt")], { encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toMatch(/^registry: .*nope\.txt: cannot read the file \(no such file\)\n$/);
  });
});
