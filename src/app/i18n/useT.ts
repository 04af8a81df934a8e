import { useUiStore } from "../state/useUiStore";
import { translate } from "./translate";
import type { DictKey } from "./dict";

/** The translate function for the current UI language. */
export function useT(): (key: DictKey, params?: Record<string, string | number>) => string {
  const lang = useUiStore((s) => s.lang);
  return (key, params) => translate(lang, key, params);
}
