import type { DostIssuer } from "../../domain/DostIssuer";
import type { Signer } from "../pdf/drawClosing";

/** The signature block of a DOST document; blank heading lines (left while typing the setting) are not drawn. */
export function dostSigner(issuer: DostIssuer): Signer {
  return { heading: issuer.signer.heading.map((l) => l.trim()).filter(Boolean), name: issuer.signer.name };
}
