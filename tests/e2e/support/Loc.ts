/** ARIA roles the scenarios look for; mapped to elements in `findInPage.ts` for engines without Playwright's. */
export type Role = "button" | "link" | "heading" | "group" | "radio" | "textbox" | "checkbox" | "combobox" | "status" | "alert";

/** One step of a locator: what to match among the previous step's descendants, optionally only those containing a text. */
export type Step = (
  | { testId: string }
  | { role: Role; name?: string; exact?: boolean; level?: number }
  | { label: string }
  | { css: string }
) & { hasText?: string };

/**
 * Where an element is, as Playwright's chained locators say it (`getByTestId(…).filter({ hasText }).getByRole(…)`),
 * but plain data, so every engine's driver can resolve it: Playwright's own locators in Chromium, the same rules
 * evaluated in the page elsewhere.
 */
export type Loc = readonly Step[];

export const testId = (id: string, hasText?: string): Loc => [{ testId: id, ...(hasText ? { hasText } : {}) }];
export const role = (r: Role, name?: string, opts: { exact?: boolean; level?: number } = {}): Loc => [{ role: r, ...(name !== undefined ? { name } : {}), ...opts }];
export const label = (text: string): Loc => [{ label: text }];
export const css = (selector: string, hasText?: string): Loc => [{ css: selector, ...(hasText ? { hasText } : {}) }];
/** `child` looked for inside `parent`. */
export const inside = (parent: Loc, child: Loc): Loc => [...parent, ...child];
