import type { Checklist } from "../../../src/domain/checklist";
import type { AppDb } from "../../../src/app/db/AppDb";
import { checklistRowId } from "../../../src/domain/checklistRecord";
import { META } from "../../../src/app/db/META";
import type { Session } from "../../../src/app/db/Session";
import { writeEdits } from "../../../src/app/db/writeEdits";

/** A small checklist: two scored sections (three criteria) and the unscored section III. */
export const TEST_CHECKLIST: Checklist = {
  format: "htqlcl-checklist/1",
  id: "test-tt26",
  version: "2026.1",
  title: "Bộ tiêu chí thử nghiệm",
  source: { document: "Thử nghiệm" },
  sections: [
    {
      code: "I",
      title: "Yêu cầu TCVN ISO 9001:2015",
      scored: true,
      items: [
        {
          code: "I.1",
          title: "Phạm vi áp dụng",
          criteria: [
            { code: "I.1.1", activities: ["Xác định phạm vi áp dụng HTQLCL"], evidence: ["Quyết định ban hành phạm vi", "Danh mục TTHC"] },
            { code: "I.1.2", activities: ["Cập nhật phạm vi khi thay đổi TTHC"], evidence: ["Quyết định sửa đổi"] },
          ],
        },
      ],
    },
    {
      code: "II",
      title: "Tuân thủ Quyết định 19/2014",
      scored: true,
      items: [{ code: "II.a", title: "Sự tham gia của lãnh đạo", criteria: [{ code: "II.a.1", activities: ["Lãnh đạo chỉ đạo xây dựng"], evidence: ["Biên bản họp"] }] }],
    },
    { code: "III", title: "Nội dung kiểm tra", scored: false, items: [{ code: "III.1", title: "Kiểm tra", criteria: [] }] },
  ],
};

export const LEAD_SESSION: Session = { token: "t", user: { username: "truongdoan", role: "lead", province: "38", team: "team-1" } };

/** A tablet after its first sync: session, agencies, the team and the checklist version. */
export async function seedTablet(db: AppDb, session: Session = LEAD_SESSION): Promise<void> {
  await db.meta.put({ key: META.session, value: session });
  const agency = (id: string, name: string, kind: string, parentId: string | null) =>
    Object.entries({ name, kind, parentId, province: "38", validFrom: null, validTo: null, successorId: null, successorKind: null, needsReview: false }).map(
      ([field, value]) => ({ entity: "agency" as const, rowId: id, field, value }),
    );
  await writeEdits(db, [
    ...agency("h-muonglat", "UBND huyện Mường Lát", "district_committee", null),
    ...agency("x-muongly", "UBND xã Mường Lý", "commune_committee", "h-muonglat"),
    ...agency("x-trungly", "UBND xã Trung Lý", "commune_committee", "h-muonglat"),
    ...agency("s-khcn", "Sở Khoa học và Công nghệ", "province_department", null),
    ...agency("x-dongson", "UBND xã Đông Sơn", "commune_committee", null),
    { entity: "team", rowId: "team-1", field: "name", value: "Đoàn kiểm tra số 1" },
    { entity: "team", rowId: "team-1", field: "province", value: "38" },
    { entity: "team", rowId: "team-1", field: "members", value: [{ name: "Lê Văn An", role: "Trưởng đoàn" }, { name: "Phạm Thị Bình", role: "Thành viên" }] },
    { entity: "checklist", rowId: checklistRowId(TEST_CHECKLIST.id, TEST_CHECKLIST.version), field: "document", value: TEST_CHECKLIST },
    { entity: "checklist", rowId: checklistRowId(TEST_CHECKLIST.id, TEST_CHECKLIST.version), field: "province", value: "38" },
  ]);
}

export const INSPECTION_ID = "0190d1c4-0000-7000-8000-0000000000aa";

/** A draft inspection of UBND xã Mường Lý on the test checklist, with every field set. */
export async function seedInspection(db: AppDb, id = INSPECTION_ID): Promise<void> {
  const fields = {
    agencyId: "x-muongly", planId: null, checklistId: TEST_CHECKLIST.id, checklistVersion: TEST_CHECKLIST.version, mode: "onsite", teamId: "team-1",
    province: "38", startedOn: "2026-03-05", status: "draft", decisionRef: "125/QĐ-SKHCN", decisionDate: null, place: "Mường Lý", leadName: "Lê Văn An",
    agencyRepresentative: "Hà Văn Cường", members: [], agencyMembers: [], notes: "", agencyComments: "", recordNumber: "", signedOn: null, leadSignature: null,
    agencySignature: null,
  };
  await writeEdits(db, Object.entries(fields).map(([field, value]) => ({ entity: "inspection" as const, rowId: id, field, value })));
}

/** Captures what the app hands to the user as a file (jsdom has no object URLs): call before the click. */
export function captureSavedFiles(): File[] {
  const files: File[] = [];
  URL.createObjectURL = (f: Blob | MediaSource) => {
    files.push(f as File);
    return `blob:test/${files.length}`;
  };
  URL.revokeObjectURL = () => undefined;
  // The download link would navigate, which jsdom does not implement.
  document.addEventListener("click", (e) => {
    if (e.target instanceof HTMLAnchorElement && e.target.hasAttribute("download")) e.preventDefault();
  });
  return files;
}

/** A File's text (jsdom's Blob has no text()). */
export function fileText(f: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result as string);
    r.onerror = () => reject(r.error);
    r.readAsText(f);
  });
}
