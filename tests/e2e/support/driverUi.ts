import { expect } from "vitest";
import type { Driver } from "./Driver";
import { css, inside, label, role, testId, type Loc } from "./Loc";

/** The steps of `ui.ts`, on the engine-neutral driver, for the scenarios that run in every engine. */

/** Logs in through the login form, as a user does on the first visit (needs the network). */
export async function logIn(d: Driver, username: string, password: string): Promise<void> {
  await d.fill(label("Tên đăng nhập"), username);
  await d.fill(label("Mật khẩu"), password);
  await d.click(role("button", "Đăng nhập"));
  await d.waitVisible(role("heading", "Trang chủ"), 60_000);
}

/** The status line says "Đã lưu trên máy" (the IndexedDB transaction committed) and nothing is being written. */
export async function expectSaved(d: Driver): Promise<void> {
  await expect.poll(() => d.attr(testId("save-status"), "data-state"), { timeout: 15_000 }).toBe("saved");
  expect(await d.text(testId("save-status"))).toBe("Đã lưu trên máy");
}

/** The outcome button of the open criterion, by its Vietnamese label. */
export function outcomeButton(label: string): Loc {
  return inside(testId("criterion-panel"), inside(role("group", "Đánh giá"), role("button", label, { exact: true })));
}

/** Taps an outcome and waits until it shows as chosen and saved. */
export async function score(d: Driver, label: string): Promise<void> {
  await d.click(outcomeButton(label));
  await expect.poll(() => d.attr(outcomeButton(label), "aria-pressed"), { timeout: 15_000 }).toBe("true");
  await expectSaved(d);
}

/** Opens a criterion from the scoring tree (unfolding the closed lists around it first, as a user would). */
export async function openCriterion(d: Driver, code: string): Promise<void> {
  const panel = testId("criterion-panel");
  await d.waitVisible(panel);
  // After a restart the app may still scroll back to where the user was: tap once that has settled.
  await expect.poll(() => d.attr(css("html"), "data-resume"), { timeout: 15_000 }).not.toBe("pending");
  if ((await d.attr(panel, "data-code")) === code) return;
  const link = testId(`crit-${code}`);
  const has = `:has([data-testid="crit-${code}"])`;
  // The outermost closed list around it, until none is left (on a narrow screen the whole tree is folded too).
  const outermostClosed = css(`details:not([open])${has}:not(details:not([open]) details) > summary`);
  for (let i = 0; i < 4 && !(await d.isVisible(link)); i++) {
    if ((await d.count(outermostClosed)) === 0) break;
    await d.click(outermostClosed);
  }
  await d.waitVisible(link);
  await d.click(link);
  await expect.poll(() => d.attr(panel, "data-code"), { timeout: 15_000 }).toBe(code);
}

/** The count of changes the tablet has not synced yet, as the sync bar shows it. */
export function unsynced(d: Driver): Promise<string | null> {
  return d.text(testId("unsynced-count"));
}
