import { useUiStore } from "../state/useUiStore";

/** The console's strings: Vietnamese first, English when the UI language is English. Text is NFC. */
export function useDostT(): (vi: string, en: string) => string {
  const lang = useUiStore((s) => s.lang);
  return (vi, en) => (lang === "en" ? en : vi).normalize("NFC");
}
