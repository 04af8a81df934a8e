import type { jsPDF } from "jspdf";
import { tinosFaces } from "../fonts/tinosFaces";

export const TINOS = "Tinos";

/** Registers the four embedded Tinos faces (Times New Roman metrics, full Vietnamese) under the family `Tinos`. */
export function registerTinos(doc: jsPDF): void {
  for (const style of Object.keys(tinosFaces) as Array<keyof typeof tinosFaces>) {
    const file = `Tinos-${style}.ttf`;
    doc.addFileToVFS(file, tinosFaces[style]);
    doc.addFont(file, TINOS, style, undefined, "Identity-H");
  }
}
