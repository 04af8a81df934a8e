import { ChecklistSchema, type Checklist } from "../../domain/checklist";

// The built-in checklists are data files in /checklists; each becomes its own lazy chunk, precached by the
// service worker but not part of the first paint.
const files = import.meta.glob<{ default: unknown }>("../../../checklists/*@*.json");
let loaded: Promise<Checklist[]> | null = null;

/** Every valid `htqlcl-checklist/1` file shipped with the app (the JSON Schema file is skipped). */
export function builtinChecklists(): Promise<Checklist[]> {
  loaded ??= Promise.all(Object.values(files).map((load) => load())).then((mods) =>
    mods.flatMap((m) => {
      const parsed = ChecklistSchema.safeParse(m.default);
      return parsed.success ? [parsed.data] : [];
    }),
  );
  return loaded;
}
