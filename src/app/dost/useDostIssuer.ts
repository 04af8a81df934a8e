import { useCallback, useState } from "react";
import type { DostIssuer } from "../../domain/DostIssuer";
import { DOST_ISSUER_KEY, loadDostIssuer } from "./loadDostIssuer";

/** The issuer setting and its setter (saved on this device). */
export function useDostIssuer(): [DostIssuer, (next: DostIssuer) => void] {
  const [issuer, setIssuer] = useState(loadDostIssuer);
  const save = useCallback((next: DostIssuer) => {
    const clean: DostIssuer = JSON.parse(JSON.stringify(next, (_k, v: unknown) => (typeof v === "string" ? v.normalize("NFC") : v))) as DostIssuer;
    setIssuer(clean);
    try {
      globalThis.localStorage?.setItem(DOST_ISSUER_KEY, JSON.stringify(clean));
    } catch {
      // private mode: the setting lasts for this session only
    }
  }, []);
  return [issuer, save];
}
