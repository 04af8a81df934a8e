import { DEFAULT_DOST_ISSUER, type DostIssuer } from "../../domain/DostIssuer";

export const DOST_ISSUER_KEY = "htqlcl.dost.issuer";

/** Who signs DOST documents on this device (province, department, inspecting unit, signer), kept in localStorage:
 * provinces name their inspecting unit differently since 2025, so it is configurable. */
export function loadDostIssuer(): DostIssuer {
  try {
    const raw = globalThis.localStorage?.getItem(DOST_ISSUER_KEY);
    if (!raw) return DEFAULT_DOST_ISSUER;
    const v = JSON.parse(raw) as Partial<DostIssuer>;
    return { ...DEFAULT_DOST_ISSUER, ...v, signer: { ...DEFAULT_DOST_ISSUER.signer, ...(v.signer ?? {}) } };
  } catch {
    return DEFAULT_DOST_ISSUER;
  }
}
