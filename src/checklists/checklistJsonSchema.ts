import { z } from "zod";
import { ChecklistSchema } from "../domain/checklist";

/** The JSON Schema of the `htqlcl-checklist/1` format, generated from its zod schema. */
export function checklistJsonSchema(): Record<string, unknown> {
  return {
    $id: "htqlcl-checklist-1.schema.json",
    title: "htqlcl-checklist/1",
    description: "A versioned inspection checklist (Phụ lục I matrix): sections, items, criteria.",
    ...z.toJSONSchema(ChecklistSchema),
  };
}
