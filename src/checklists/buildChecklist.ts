import { foldVietnamese } from "../domain/foldVietnamese";
import { ChecklistSchema, type Checklist, type ChecklistItem, type ChecklistSection, type Criterion } from "../domain/checklist";
import { ChecklistImportError } from "./ChecklistImportError";
import { cleanCellText } from "./cleanCellText";
import type { ColumnRole } from "./ColumnRole";
import { columnName } from "./columnName";
import type { MatrixHeader } from "./findHeader";
import type { ImportOptions } from "./ImportOptions";
import type { ImportWarning } from "./ImportWarning";
import { isInspectionSection } from "./isInspectionSection";
import { joinEntries } from "./joinEntries";
import { matrixRowsOf, type MatrixRow } from "./matrixRowsOf";
import { parseLabel } from "./parseLabel";
import type { RawTable } from "./RawTable";
import { splitListEntries } from "./splitListEntries";
import { titleFromPreamble } from "./titleFromPreamble";

const CRITERION_ROLES: ColumnRole[] = ["activities", "evidence", "responsible", "coordinating", "timing"];

/** Turns a table whose header has been found into a checklist, or throws naming the row and column at fault. */
export function buildChecklist(
  table: RawTable,
  header: MatrixHeader,
  file: string,
  options: ImportOptions,
  warnings: ImportWarning[],
): Checklist {
  const col = (role: ColumnRole): string | undefined => {
    const index = header.columns[role];
    return index === undefined ? undefined : columnName(index, table.columnStyle);
  };
  const where = table.where ?? "";
  const fail = (row: number | undefined, role: ColumnRole | undefined, message: string, messageVi: string): never => {
    const column = role ? col(role) : undefined;
    throw new ChecklistImportError({ file, message: where + message, messageVi: where + messageVi, ...(row !== undefined ? { row } : {}), ...(column ? { column } : {}) });
  };
  const warn = (row: number, message: string, messageVi: string): void => void warnings.push({ row, message, messageVi });
  for (const { column, text } of header.ignored) {
    warnings.push({
      row: table.rows[header.index]?.row ?? 0,
      column: columnName(column, table.columnStyle),
      message: `column "${text}" is not used`,
      messageVi: `cột "${text}" không được sử dụng`,
    });
  }

  const preamble = [...table.preamble];
  for (const raw of table.rows.slice(0, header.index)) {
    const texts = raw.cells.filter((c) => !c.merged).map((c) => cleanCellText(c.text).replace(/\n/g, " ")).filter((t) => t !== "");
    if (texts.length > 0) preamble.push(texts.join(" "));
  }
  const fromPreamble = titleFromPreamble(preamble);
  const baseName = file.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  const title = options.title ?? (fromPreamble.title || baseName || "Phụ lục");

  const sections: ChecklistSection[] = [];
  let section: ChecklistSection | undefined;
  let item: ChecklistItem | undefined;
  let itemStyle: "number" | "letter" | undefined;
  const text = (r: MatrixRow, role: ColumnRole): string => {
    const cell = r.cells[role];
    return cell && !cell.above ? cell.text : "";
  };
  const flat = (s: string): string => s.replace(/\n/g, " ");
  const hasCriterionContent = (r: MatrixRow): boolean => CRITERION_ROLES.some((role) => text(r, role) !== "");
  const stringField = (r: MatrixRow, role: ColumnRole): string | undefined => {
    const cell = r.cells[role];
    const joined = cell ? joinEntries(splitListEntries(cell.text)) : "";
    return joined === "" ? undefined : joined;
  };
  const criterionOf = (r: MatrixRow, code: string, activitiesFromItem: boolean): Criterion => {
    const activities = activitiesFromItem ? text(r, "item") : text(r, "activities");
    const c: Criterion = { code, activities: splitListEntries(activities), evidence: splitListEntries(text(r, "evidence")) };
    for (const role of ["responsible", "coordinating", "timing"] as const) {
      const value = stringField(r, role);
      if (value !== undefined) c[role] = value;
    }
    return c;
  };
  const addCriterion = (r: MatrixRow, activitiesFromItem: boolean): void => {
    if (!item) {
      return fail(r.row, "activities", "criterion has no item above it (no numbered row in the TT column)", "nội dung thực hiện không thuộc nội dung nào (thiếu dòng có số thứ tự ở cột TT)");
    }
    item.criteria.push(criterionOf(r, `${item.code}.${item.criteria.length + 1}`, activitiesFromItem));
  };
  const openSection = (r: MatrixRow, code: string, sectionTitle: string): void => {
    if (sections.some((s) => s.code === code)) fail(r.row, "label", `section ${code} appears twice`, `mục ${code} xuất hiện hai lần`);
    if (sectionTitle === "") {
      warn(r.row, `section ${code} has no title`, `mục ${code} không có tiêu đề`);
      sectionTitle = `Mục ${code}`;
    }
    section = { code, title: sectionTitle, scored: true, items: [] };
    sections.push(section);
    item = undefined;
    itemStyle = undefined;
  };

  const noActivitiesColumn = header.columns.activities === undefined;
  for (const r of matrixRowsOf(table, header, warnings)) {
    if (r.mergedSection) {
      openSection(r, r.mergedSection.code, r.mergedSection.title);
      continue;
    }
    const label = parseLabel(text(r, "label"));
    switch (label.kind) {
      case "section": {
        const sectionTitle = flat(text(r, "item") || text(r, "activities"));
        openSection(r, label.code, sectionTitle);
        break;
      }
      case "item": {
        // A lettered row with no title under numbered items is a criterion of the current item.
        if (label.style === "letter" && itemStyle === "number" && text(r, "item") === "" && item) {
          addCriterion(r, false);
          break;
        }
        if (!section) {
          warn(r.row, `no section row above the first item: section I is "${title}"`, `không có dòng mục (I, II…) trước nội dung đầu tiên: mục I là "${title}"`);
          openSection(r, "I", title);
        }
        const code = `${section!.code}.${label.code}`;
        if (section!.items.some((i) => i.code === code)) fail(r.row, "label", `item ${code} appears twice`, `nội dung ${code} xuất hiện hai lần`);
        item = { code, title: flat(text(r, "item")), criteria: [] };
        itemStyle ??= label.style;
        section!.items.push(item);
        if (hasCriterionContent(r)) addCriterion(r, false);
        break;
      }
      case "sub":
        addCriterion(r, noActivitiesColumn);
        break;
      case "unknown": {
        const shown = label.text.length > 40 ? `${label.text.slice(0, 40)}…` : label.text;
        fail(r.row, "label", `unrecognised label "${shown}" in the TT column (expected I, II…, 1, 2… or a, b…)`, `số thứ tự "${shown}" ở cột TT không hợp lệ (cần I, II…, 1, 2… hoặc a, b…)`);
        break;
      }
      case "none": {
        const prev = item?.criteria[item.criteria.length - 1];
        if (r.cells.activities?.above && prev) {
          // The activity cell is merged down: this row adds evidence (and the like) to the same criterion.
          const more = criterionOf(r, prev.code, false);
          prev.evidence.push(...more.evidence);
          for (const role of ["responsible", "coordinating", "timing"] as const) {
            const value = more[role];
            if (value !== undefined && value !== prev[role]) prev[role] = prev[role] ? joinEntries([prev[role]!, value]) : value;
          }
        } else if (hasCriterionContent(r) || (noActivitiesColumn && text(r, "item") !== "")) {
          addCriterion(r, noActivitiesColumn && text(r, "activities") === "");
        }
        break;
      }
    }
  }

  if (sections.length === 0) {
    fail(table.rows[header.index]?.row, undefined, "the table has a header but no section or item rows under it", "bảng có dòng tiêu đề nhưng không có mục hay nội dung nào");
  }
  for (const s of sections) {
    if (options.unscoredSections?.includes(s.code)) {
      s.scored = false;
      warnings.push({ message: `section ${s.code} kept, not scored, as asked`, messageVi: `mục ${s.code} được giữ lại, không chấm điểm, theo yêu cầu` });
    } else if (isInspectionSection(s.title)) {
      s.scored = false;
      warnings.push({ message: `section ${s.code} describes the inspection itself: kept, not scored`, messageVi: `mục ${s.code} mô tả chính việc kiểm tra: giữ lại, không chấm điểm` });
    }
    if (s.items.length === 0) warnings.push({ message: `section ${s.code} has no items`, messageVi: `mục ${s.code} không có nội dung nào` });
    for (const i of s.items) {
      if (i.criteria.length > 0) continue;
      i.criteria.push({ code: `${i.code}.1`, activities: i.title ? [i.title] : [], evidence: [] });
      warnings.push({ message: `item ${i.code} has no criteria: it is scored as a whole`, messageVi: `nội dung ${i.code} không có nội dung thực hiện: được chấm chung một tiêu chí` });
    }
  }

  const note = options.source?.note ?? fromPreamble.note;
  return ChecklistSchema.parse({
    format: "htqlcl-checklist/1",
    id: options.id ?? slugOf(baseName),
    version: options.version ?? "1",
    title,
    source: {
      document: options.source?.document ?? file.replace(/^.*[\\/]/, ""),
      ...(options.source?.url ? { url: options.source.url } : {}),
      ...(note ? { note } : {}),
    },
    sections,
  });
}

function slugOf(name: string): string {
  return foldVietnamese(name).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "checklist";
}
