import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

const SHOTS = resolve(import.meta.dirname, "../screenshots");
export const SIZES = [
  [800, 1280],
  [1280, 800],
] as const;

/** Waits until the locator is visible (playwright-core has no `expect`; vitest polls instead). */
export async function visible(l: Locator, timeout = 15_000): Promise<Locator> {
  await l.first().waitFor({ state: "visible", timeout });
  return l;
}

/** Logs in through the login form, as a user does on the first visit (needs the network). */
export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await visible(page.getByRole("heading", { name: "Trang chủ" }), 30_000);
}

/** The status line says "Đã lưu trên máy" (the IndexedDB transaction committed) and nothing is being written. */
export async function expectSaved(page: Page): Promise<void> {
  const status = page.getByTestId("save-status");
  await expect.poll(() => status.getAttribute("data-state"), { timeout: 15_000 }).toBe("saved");
  expect(await status.textContent()).toBe("Đã lưu trên máy");
}

/** The outcome button of the open criterion, by its Vietnamese label. */
export function outcomeButton(page: Page, label: string): Locator {
  return page.getByTestId("criterion-panel").getByRole("group", { name: "Đánh giá" }).getByRole("button", { name: label, exact: true });
}

/** Taps an outcome and waits until it shows as chosen and saved. */
export async function score(page: Page, label: string): Promise<void> {
  const b = outcomeButton(page, label);
  await b.click();
  await expect.poll(() => b.getAttribute("aria-pressed"), { timeout: 15_000 }).toBe("true");
  await expectSaved(page);
}

/** Opens a criterion from the scoring tree (unfolding its section first, as a user would) and waits for its panel. */
export async function openCriterion(page: Page, code: string): Promise<void> {
  const panel = page.getByTestId("criterion-panel");
  await visible(panel);
  // After a restart the app may still scroll back to where the user was: tap once that has settled.
  await expect.poll(() => page.locator("html").getAttribute("data-resume"), { timeout: 15_000 }).not.toBe("pending");
  if ((await panel.getAttribute("data-code")) === code) return;
  const link = page.getByTestId(`crit-${code}`);
  // Unfold the closed lists around it, outermost first (on a narrow screen the whole tree is folded too).
  for (let i = 0; i < 4 && !(await link.isVisible()); i++) {
    const closed = page.locator("details:not([open])", { has: link });
    if ((await closed.count()) === 0) break;
    await closed.first().locator(":scope > summary").click();
  }
  await visible(link);
  await link.click();
  await expect.poll(() => page.getByTestId("criterion-panel").getAttribute("data-code"), { timeout: 15_000 }).toBe(code);
}

/** Types a date the way the app asks for it, dd/mm/yyyy, and leaves the field. */
export async function typeDate(field: Locator, iso: string): Promise<void> {
  const [y, m, d] = iso.split("-");
  await field.fill(`${d}/${m}/${y}`);
  await field.blur();
}

/** Saves what the user sees at 800×1280 (tablet portrait) and 1280×800 (landscape) into tests/e2e/screenshots/. */
export async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: resolve(SHOTS, `${name}-${width}x${height}.png`) });
  }
  await page.setViewportSize({ width: SIZES[0][0], height: SIZES[0][1] });
}
