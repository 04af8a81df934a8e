import { dict, type DictKey } from "./dict";

export type Lang = "vi" | "en";

/** A UI string in `lang`, with `{name}` parameters filled in. */
export function translate(lang: Lang, key: DictKey, params?: Record<string, string | number>): string {
  const text = dict[key][lang === "vi" ? 0 : 1];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
