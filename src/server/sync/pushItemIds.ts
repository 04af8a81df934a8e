import { jsonIsStorable } from "./jsonIsStorable";

/** The id of each item, or the Vietnamese reason the whole request is malformed. */
export function pushItemIds(items: readonly unknown[]): string[] | string {
  const ids: string[] = [];
  for (const [i, item] of items.entries()) {
    const id = item !== null && typeof item === "object" ? (item as { id?: unknown }).id : undefined;
    if (typeof id !== "string" || id.length < 1 || id.length > 100 || !jsonIsStorable(id)) {
      return `Thay đổi thứ ${i + 1} không có mã (id) hợp lệ.`;
    }
    ids.push(id);
  }
  return ids;
}
