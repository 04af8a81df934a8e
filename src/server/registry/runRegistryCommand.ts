import { readAgencyFile } from "../../checklists/readAgencyFile";
import { AGENCY_KIND_LABELS_VI, AGENCY_SCOPE_LABELS_VI, type AgencyScope } from "../../domain/agency";
import { buildRegistry } from "../../domain/buildRegistry";
import { PROVINCES, provinceFullName, readProvince, type Province } from "../../domain/provinces";
import { PLAN_BLOCKING_FLAGS, qmsUnitOf, registryEntries, type RegistryFlag } from "../../domain/registryFlags";

export const REGISTRY_USAGE = "usage: npm run registry -- import <file> [--province <name, code or id>]";

/** One agency of `htqlcl-registry/1` (docs/formats.md). */
export interface RegistryJsonAgency {
  id: string;
  /** The list's line and TT of the agency; null for a parent unit the list only names. */
  line: number | null;
  tt: string | null;
  name: string;
  kind: string;
  kindLabel: string;
  scope: AgencyScope;
  scopeLabel: string;
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
  cohortYear: number | null;
  flags: RegistryFlag[];
  /** The agency whose QMS it runs (TT 26 Art. 6.1: the Văn phòng UBND tỉnh's is the UBND tỉnh's), else its own id. */
  qmsUnitId: string;
  /** True while a flag keeps it out of the default plan (until DOST records its successor or its kind). */
  heldFromPlan: boolean;
}

export interface RegistryJson {
  format: "htqlcl-registry/1";
  source: string;
  province: { id: string; name: string; fullName: string; code: string };
  agencies: RegistryJsonAgency[];
  counts: Record<AgencyScope, number> & { agencies: number; qmsUnits: number; requiredQmsUnits: number; flagged: number };
  warnings: string[];
}

export type RegistryCommandResult = { code: number; stdout: string; stderr: string };

function flagsOf(args: readonly string[]): { positional: string[]; flags: Record<string, string> } | string {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith("--")) {
      positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split("=", 2) as [string, string | undefined];
    const value = inline ?? args[++i];
    if (value === undefined) return `option --${name} needs a value`;
    if (name !== "province") return `unknown option --${name}`;
    flags[name] = value;
  }
  return { positional, flags };
}

/** The province a list is about, from its committee's name ("UBND tỉnh Thanh Hóa", "UBND thành phố Huế"). */
function provinceFromNames(names: readonly string[]): Province | undefined {
  for (const n of names) {
    const m = /^(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+((?:tỉnh|thành phố|tp\.?)\s*.+)$/iu.exec(n.trim());
    const p = m ? readProvince(m[1]!).province : null;
    if (p) return p;
  }
  return undefined;
}

/**
 * `npm run registry -- import <file> [--province P]`: reads an agency list (the appendix text of a provincial plan,
 * CSV/TSV, XLSX or DOCX) and answers the registry as JSON (`htqlcl-registry/1`) with each agency's kind, scope
 * (QĐ 19 Art. 2), flags of the 2025 reorganisation and QMS unit. Errors are English lines on stderr with code 1
 * (2 for usage); the reader's notes on rows are warnings, in Vietnamese as the list is.
 */
export function runRegistryCommand(args: readonly string[], readFile: (path: string) => Uint8Array): RegistryCommandResult {
  const fail = (message: string, code = 1): RegistryCommandResult => ({ code, stdout: "", stderr: `registry: ${message}\n` });
  const parsed = flagsOf(args);
  if (typeof parsed === "string") return fail(`${parsed}\n${REGISTRY_USAGE}`, 2);
  const [command, file, extra] = parsed.positional;
  if (command !== "import" || !file) return fail(REGISTRY_USAGE, 2);
  if (extra !== undefined) return fail(`unexpected argument ${extra} (one file at a time)`, 2);

  let province: Province | undefined;
  const notes: string[] = [];
  if (parsed.flags.province !== undefined) {
    const r = readProvince(parsed.flags.province);
    if (!r.province) return fail(`unknown province "${parsed.flags.province}": give one of the 34 provinces and cities by name, code or id (${PROVINCES.slice(0, 3).map((p) => p.id).join(", ")}, …)`);
    province = r.province;
    if (r.formerName) notes.push(`"${r.formerName}" đã hợp nhất vào ${provinceFullName(r.province)} từ 01/7/2025; danh mục ghi theo ${provinceFullName(r.province)}.`);
  }

  let bytes: Uint8Array;
  try {
    bytes = readFile(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    return fail(`${file}: cannot read the file (${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (code ?? "error")})`);
  }
  const list = readAgencyFile(file, bytes);
  if (list.rows.length === 0) {
    return fail(`${file}: no agency list found: expected the appendix layout (TT, name, parent unit) or a table with the columns "Tên đơn vị" and "Đơn vị chủ quản"${list.warnings.length ? ` (reader: ${list.warnings.join(" ")})` : ""}`);
  }
  province ??= provinceFromNames(list.rows.flatMap((r) => [r.parentName, r.name]));
  if (!province) return fail(`${file}: the list names no UBND tỉnh or centrally-run city; give the province with --province`);

  let n = 0;
  const reg = buildRegistry(list.rows, [], { province: province.id, newId: () => `a${String(++n).padStart(4, "0")}` });
  const entries = registryEntries(reg.created);
  const committee = entries.find((e) => e.agency.kind === "province_committee" && e.agency.validTo === null)?.agency.id ?? null;
  const rowOf = new Map(list.rows.map((row) => [reg.agencyOfLine.get(row.line), row]));
  const agencies: RegistryJsonAgency[] = entries.map(({ agency: a, scope, flags }) => {
    const row = rowOf.get(a.id);
    return {
      id: a.id,
      line: row?.line ?? null,
      tt: row?.tt ?? null,
      name: a.name,
      kind: a.kind,
      kindLabel: AGENCY_KIND_LABELS_VI[a.kind],
      scope,
      scopeLabel: AGENCY_SCOPE_LABELS_VI[scope],
      parentId: a.parentId,
      validFrom: a.validFrom,
      validTo: a.validTo,
      cohortYear: reg.cohorts.get(a.id) ?? null,
      flags,
      qmsUnitId: qmsUnitOf(a, committee),
      heldFromPlan: flags.some((f) => PLAN_BLOCKING_FLAGS.has(f)),
    };
  });
  const units = new Set(agencies.map((a) => a.qmsUnitId));
  const count = (s: AgencyScope) => agencies.filter((a) => a.scope === s).length;
  const json: RegistryJson = {
    format: "htqlcl-registry/1",
    source: file,
    province: { id: province.id, name: province.name, fullName: provinceFullName(province), code: province.code },
    agencies,
    counts: {
      agencies: agencies.length,
      required: count("required"),
      encouraged: count("encouraged"),
      by_decision: count("by_decision"),
      qmsUnits: units.size,
      requiredQmsUnits: new Set(agencies.filter((a) => a.scope === "required").map((a) => a.qmsUnitId)).size,
      flagged: agencies.filter((a) => a.flags.length > 0).length,
    },
    warnings: [...notes, ...list.warnings, ...reg.warnings],
  };
  const stderr = json.warnings.map((w) => `warning: ${w}\n`).join("");
  return { code: 0, stdout: `${JSON.stringify(json, null, 2)}\n`, stderr };
}
