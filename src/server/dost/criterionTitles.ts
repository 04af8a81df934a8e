import { BUILTIN_CHECKLISTS } from "../../checklists/builtinChecklists";
import { ChecklistSchema, type Checklist } from "../../domain/checklist";
import { checklistRowId } from "../../domain/checklistRecord";
import { criterionTitle } from "../../domain/criterionTitle";
import type { Queryable } from "../Storage";

/**
 * Title of each criterion code, from the checklist version most of its results were scored against (the province's
 * published versions, then the built-in ones). The same code can mean different things in two checklists, so the
 * count decides. `uses` holds how many results scored each code under each checklist version.
 */
export async function criterionTitles(db: Queryable, province: string, uses: readonly { code: string; checklist: string; n: number }[]): Promise<Map<string, string>> {
  const ids = [...new Set(uses.map((u) => u.checklist))];
  const docs = new Map<string, Checklist>(BUILTIN_CHECKLISTS.map((c) => [checklistRowId(c.id, c.version), c]));
  if (ids.length > 0) {
    const r = await db.query<{ row_id: string; document: unknown }>(
      "select row_id, data->'document' as document from rows where entity = 'checklist' and province = $1 and row_id in (select jsonb_array_elements_text($2::jsonb))",
      [province, JSON.stringify(ids)],
    );
    for (const row of r.rows) {
      const doc = ChecklistSchema.safeParse(row.document);
      if (doc.success) docs.set(row.row_id, doc.data);
    }
  }
  const best = new Map<string, { title: string; n: number }>();
  const criteriaOf = new Map<string, Map<string, string>>();
  for (const u of [...uses].sort((a, b) => b.n - a.n || a.checklist.localeCompare(b.checklist))) {
    const doc = docs.get(u.checklist);
    if (!doc || best.has(u.code)) continue;
    let titles = criteriaOf.get(u.checklist);
    if (!titles) {
      titles = new Map(doc.sections.flatMap((s) => s.items.flatMap((i) => i.criteria.map((c) => [c.code, criterionTitle(c)] as const))));
      criteriaOf.set(u.checklist, titles);
    }
    const title = titles.get(u.code);
    if (title) best.set(u.code, { title, n: u.n });
  }
  return new Map([...best].map(([code, b]) => [code, b.title]));
}
