import type { Checklist, ChecklistItem, ChecklistSection, Criterion } from "../../domain/checklist";

export interface PlacedCriterion {
  section: ChecklistSection;
  item: ChecklistItem;
  criterion: Criterion;
  /** Position in checklist order, for sorting findings and actions. */
  index: number;
}

/** Every criterion of a checklist in document order, with its section and item. */
export function orderedCriteria(checklist: Checklist): PlacedCriterion[] {
  const out: PlacedCriterion[] = [];
  for (const section of checklist.sections)
    for (const item of section.items) for (const criterion of item.criteria) out.push({ section, item, criterion, index: out.length });
  return out;
}
