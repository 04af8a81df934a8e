import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(process.cwd(), "src");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|tsx)$/u.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Static value imports (not `import type`, not `import()`) of anything under src/report. */
function staticReportImports(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/^\s*(import|export)\s+(?!type\b)([^;]*?)\sfrom\s+["']([^"']+)["']/gmu)) {
    if (/(^|\/)report(\/|$)/u.test(m[3] ?? "")) out.push(m[0].trim());
  }
  for (const m of source.matchAll(/^\s*import\s+["']([^"']+)["']/gmu)) if (/(^|\/)report(\/|$)/u.test(m[1] ?? "")) out.push(m[0].trim());
  return out;
}

describe("the PDF code loads lazily", () => {
  it("the import scan catches a static import and lets dynamic and type-only ones through", () => {
    expect(staticReportImports('import { renderInspectionRecord } from "../../report/renderInspectionRecord";')).toHaveLength(1);
    expect(staticReportImports('import "../report/fonts/tinosFaces";')).toHaveLength(1);
    expect(staticReportImports('import type { DostIssuer } from "../../report/dost/DostIssuer";')).toEqual([]);
    expect(staticReportImports('const { x } = await import("../../report/renderInspectionRecord");')).toEqual([]);
  });

  it("no app or shared code imports src/report statically (the app uses await import())", () => {
    const offenders = [join(SRC, "app"), join(SRC, "domain"), join(SRC, "checklists")]
      .flatMap((d) => {
        try {
          return files(d);
        } catch {
          return [];
        }
      })
      .flatMap((f) => staticReportImports(readFileSync(f, "utf8")).map((i) => `${relative(SRC, f)}: ${i}`));
    expect(offenders).toEqual([]);
  });
});
