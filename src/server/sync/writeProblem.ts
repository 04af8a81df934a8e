import type { Change } from "../../domain/change";
import { canonicalJson } from "../../domain/canonicalJson";
import { checklistRowId } from "../../domain/checklistRecord";
import { INSPECTION_ENTITIES } from "../../domain/entities";
import type { ServerUser } from "../auth/ServerUser";
import type { KnownRow, RowScope } from "./RowScope";

/**
 * Why `user` may not write `change`, in Vietnamese, or null when the write is allowed. `row` is the row as it
 * stands (null: this change creates it) and `scope` the scope the row has or will get.
 *
 * admin: everything. dost: everything in its province. lead and inspector: the inspection rows of their team;
 * they may propose a new agency (needsReview = true) but not touch DOST's registry, plans, teams or checklists.
 * Only a lead (or DOST) finalizes or reopens an inspection, judged on who sends the change, not on its author: a
 * teammate carrying the lead's finalize in a bundle is refused. A change authored by a known user of another
 * province (or, carried by a team member, of another team) is refused: importing it would file their rows under
 * the importer's scope, and their own later pushes would then be refused.
 */
export function writeProblem(user: ServerUser, change: Change, row: KnownRow | null, scope: RowScope, author: ServerUser | null = null): string | null {
  if (change.entity === "checklist" && change.field === "document") {
    const doc = change.value as { id: string; version: string };
    if (checklistRowId(doc.id, doc.version) !== change.rowId) return `Mã dòng bộ tiêu chí phải là "${checklistRowId(doc.id, doc.version)}".`;
    if (row && row.data.document !== undefined && canonicalJson(row.data.document) !== canonicalJson(change.value)) {
      return "Phiên bản bộ tiêu chí đã công bố không được sửa; hãy công bố một phiên bản mới.";
    }
  }
  // Scope fields name the row's scope, which is fixed at creation: moving a row (and its results, findings,
  // photos) to another province or team after the fact is refused, for everyone, admin included.
  if (change.field === "province" && scope.province !== null && change.value !== scope.province) {
    return "Không được chuyển bản ghi sang tỉnh khác.";
  }
  if (change.entity === "inspection" && change.field === "teamId" && change.value !== scope.team && (row !== null || user.role === "lead" || user.role === "inspector")) {
    return user.role === "dost" || user.role === "admin"
      ? `Không được giao lại cuộc kiểm tra đã tạo cho đoàn khác (thuộc ${scope.team === null ? "cấp tỉnh" : `đoàn "${scope.team}"`}); hãy tạo cuộc kiểm tra mới cho đoàn đó.`
      : "Không được giao cuộc kiểm tra cho đoàn khác.";
  }
  if (user.role === "admin") return null;
  const carried = author !== null && author.id !== user.id && author.role !== "admin";
  if (carried && author.province !== user.province) {
    return `Thay đổi do "${author.username}" (tỉnh khác) tạo; gói đồng bộ chỉ được nhập tại tỉnh của người tạo.`;
  }
  const teamOnly = (r: ServerUser["role"]) => r === "lead" || r === "inspector";
  if (carried && teamOnly(user.role) && teamOnly(author.role) && author.team !== user.team) {
    return `Thay đổi do "${author.username}" (đoàn khác) tạo; hãy gửi từ máy của đoàn đó hoặc nhập tại Sở KH&CN.`;
  }
  if (scope.province !== user.province) return "Bản ghi thuộc tỉnh khác, bạn không có quyền sửa.";
  if (user.role === "dost") return null;

  const own = scope.team === user.team;
  if (INSPECTION_ENTITIES.includes(change.entity)) {
    if (!own) return "Bản ghi thuộc đoàn kiểm tra khác, bạn không có quyền sửa.";
    // authorized on who sent it: a lead's finalize carried by a teammate is refused (the lead's tablet delivers it)
    const finalizes = change.entity === "inspection" && change.field === "status" && change.value === "finalized";
    if ((finalizes || change.reopen === true) && user.role !== "lead") {
      return "Chỉ trưởng đoàn được hoàn tất hoặc mở lại cuộc kiểm tra.";
    }
    return null;
  }
  if (change.entity === "agency") {
    if (row && (!own || row.data.needsReview === false)) return "Danh mục cơ quan do Sở KH&CN quản lý, bạn không có quyền sửa.";
    if (change.field === "needsReview" && change.value !== true) return "Cơ quan do đoàn kiểm tra thêm phải chờ Sở KH&CN duyệt (needsReview = true).";
    return null;
  }
  return "Chỉ Sở KH&CN được sửa danh mục, kế hoạch, đoàn và bộ tiêu chí.";
}
