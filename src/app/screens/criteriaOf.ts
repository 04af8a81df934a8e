import type { Checklist, ChecklistItem, ChecklistSection, Criterion } from "../../domain/checklist";

export interface CriterionRef {
  section: ChecklistSection;
  item: ChecklistItem;
  criterion: Criterion;
}

/** Every criterion of the scored sections, in checklist order. */
export function criteriaOf(checklist: Checklist): CriterionRef[] {
  return checklist.sections.filter((s) => s.scored).flatMap((section) => section.items.flatMap((item) => item.criteria.map((criterion) => ({ section, item, criterion }))));
}
