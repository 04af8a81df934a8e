import { create } from "zustand";
import type { Lang } from "../i18n/translate";

const LANG_KEY = "htqlcl.lang";

function initialLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(LANG_KEY) === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

interface UiState {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

/** UI-only state (the data of record lives in Dexie). */
export const useUiStore = create<UiState>((set) => ({
  lang: initialLang(),
  setLang: (lang) => {
    try {
      globalThis.localStorage?.setItem(LANG_KEY, lang);
    } catch {
      // private mode may refuse localStorage; the language still changes for this session
    }
    document.documentElement.lang = lang;
    set({ lang });
  },
}));
