/**
 * Browser entry for exportPhotos.test.ts: bundled by vite, run in Chromium on real IndexedDB. Stores an
 * inspection with three photos and exports it the way the app's export buttons do.
 */
import { addPhoto } from "../../src/app/db/addPhoto";
import { applyRemoteChanges } from "../../src/app/db/applyRemoteChanges";
import { createInspection } from "../../src/app/db/createInspection";
import { openAppDb } from "../../src/app/db/openAppDb";
import { exportWithReportPhotos } from "../../src/app/photos/exportWithReportPhotos";
import type { Checklist } from "../../src/domain/checklist";
import type { InspectionExport } from "../../src/domain/inspectionExport";
import { resultId } from "../../src/domain/result";

async function jpeg(w: number, h: number, type = "image/jpeg"): Promise<ArrayBuffer> {
  const c = new OffscreenCanvas(w, h);
  const ctx = c.getContext("2d")!;
  for (let y = 0; y < h; y += 40) for (let x = 0; x < w; x += 40) {
    ctx.fillStyle = `rgb(${(x * 7) % 256},${(y * 3) % 256},${(x + y) % 256})`;
    ctx.fillRect(x, y, 40, 40);
  }
  return (await c.convertToBlob({ type, quality: 0.85 })).arrayBuffer();
}

async function run(checklist: Checklist): Promise<{ exp: InspectionExport; stored: string[] }> {
  const db = openAppDb(`export-photos-${Date.now()}`);
  const agency = { name: "UBND xã Mường Lý", kind: "commune_committee", parentId: null, province: "TH", validFrom: null, validTo: null, successorId: null, successorKind: null, needsReview: false };
  await applyRemoteChanges(
    db,
    Object.entries(agency).map(([field, value], i) => ({
      id: `seed-ag-${field}`, entity: "agency", rowId: "ag-1", field, value, hlc: `000001700000000:${String(i).padStart(5, "0")}:DOST`, prevHlc: null, device: "DOST", user: "dost",
    })),
  );
  const id = await createInspection(
    db,
    { agencyId: "ag-1", checklistId: checklist.id, checklistVersion: checklist.version, mode: "onsite", teamId: "T1", province: "TH", startedOn: "2026-05-10" },
    { checklist },
  );
  const code = checklist.sections[0]!.items[0]!.criteria[0]!.code;
  const big = await jpeg(1600, 1200);
  const small = await jpeg(800, 600);
  await addPhoto(db, { inspectionId: id, ownerId: resultId(id, code), bytes: big, mime: "image/jpeg", width: 1600, height: 1200, caption: "Sổ theo dõi", takenAt: "2026-05-10T01:00:00Z" });
  await addPhoto(db, { inspectionId: id, ownerId: resultId(id, code), bytes: small, mime: "image/jpeg", width: 800, height: 600, caption: "Bảng niêm yết", takenAt: "2026-05-10T02:00:00Z" });
  // a WebP as preparePhoto stores it in Chromium and Firefox, small enough to need no downscaling
  const webp = await jpeg(800, 600, "image/webp");
  await addPhoto(db, { inspectionId: id, ownerId: resultId(id, code), bytes: webp, mime: "image/webp", width: 800, height: 600, caption: "Bảng tin", takenAt: "2026-05-10T03:00:00Z" });
  const exp = await exportWithReportPhotos(db, id, { checklist });
  const b64 = (b: ArrayBuffer) => btoa(Array.from(new Uint8Array(b), (c) => String.fromCharCode(c)).join(""));
  db.close();
  return { exp, stored: [b64(big), b64(small), b64(webp)] };
}

(globalThis as unknown as { exportPhotos: unknown }).exportPhotos = { run };
