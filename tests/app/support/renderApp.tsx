// Dexie's live queries only run when a global indexedDB exists (each test still opens its own factory).
import "fake-indexeddb/auto";
import { createHash } from "node:crypto";
import { render, type RenderResult } from "@testing-library/react";
import type { AppDb } from "../../../src/app/db/AppDb";
import type { PreparePhoto } from "../../../src/app/shell/PhotoPrepContext";
import { App } from "../../../src/app/shell/App";
import { PhotoPrepContext } from "../../../src/app/shell/PhotoPrepContext";

/**
 * jsdom has no createImageBitmap or canvas to resize with, so photos pass through unresized; their SHA-256 is the
 * real one. The resize itself is tested in Chromium by the photo module's own tests.
 */
export const passThroughPhoto: PreparePhoto = async (file: Blob) => {
  // jsdom's Blob has no arrayBuffer(); its FileReader does the same job.
  // Its ArrayBuffer belongs to jsdom's realm, which Node's Web Crypto refuses: copy the bytes into this realm.
  const bytes = await new Promise<ArrayBuffer>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => {
      const copy = Buffer.from(r.result as ArrayBuffer);
      resolve(copy.buffer.slice(copy.byteOffset, copy.byteOffset + copy.length) as ArrayBuffer);
    };
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(file);
  });
  const sha256 = createHash("sha256").update(Buffer.from(bytes)).digest("hex");
  return { bytes, mime: file.type || "image/jpeg", width: 4, height: 3, sha256 };
};

export function renderApp(db: AppDb, hash = "#/"): RenderResult {
  window.history.replaceState(null, "", hash);
  return render(
    <PhotoPrepContext.Provider value={passThroughPhoto}>
      <App db={db} sync={null} onLogin={async () => undefined} />
    </PhotoPrepContext.Provider>,
  );
}
