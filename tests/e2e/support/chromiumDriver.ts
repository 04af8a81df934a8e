import type { Locator, Page } from "playwright-core";
import type { Driver, PickedFile } from "./Driver";
import type { Loc } from "./Loc";
import { startBrowser, type RunningBrowser } from "./startBrowser";

/** Playwright's own locators for a `Loc`: the same rules the other engines evaluate in the page. */
export function locatorOf(page: Page, l: Loc): Locator {
  let at: Page | Locator = page;
  for (const s of l) {
    let next: Locator;
    if ("testId" in s) next = at.getByTestId(s.testId);
    else if ("css" in s) next = at.locator(s.css);
    else if ("label" in s) next = at.getByLabel(s.label);
    else next = at.getByRole(s.role, { ...(s.name !== undefined ? { name: s.name } : {}), ...(s.exact ? { exact: true } : {}), ...(s.level ? { level: s.level } : {}) });
    at = s.hasText !== undefined ? next.filter({ hasText: s.hasText }) : next;
  }
  if (at === page) throw new Error("empty locator");
  return at as Locator;
}

/** Debian's Chromium through Playwright over CDP (`startBrowser`), on a persistent profile. */
class ChromiumDriver implements Driver {
  readonly engine = "chromium" as const;
  readonly emulatesNetwork = true;
  readonly restartKills = true;
  private offline = false;

  private constructor(
    private profileDir: string,
    private b: RunningBrowser,
    private page: Page,
  ) {}

  private static async open(profileDir: string): Promise<{ b: RunningBrowser; page: Page }> {
    const b = await startBrowser(profileDir);
    const page = await b.context.newPage();
    await page.setViewportSize({ width: 800, height: 1280 });
    return { b, page };
  }

  static async start(profileDir: string): Promise<ChromiumDriver> {
    const { b, page } = await ChromiumDriver.open(profileDir);
    return new ChromiumDriver(profileDir, b, page);
  }

  private at(l: Loc): Locator {
    return locatorOf(this.page, l);
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
  }
  async url(): Promise<string> {
    return this.page.url();
  }
  async reload(): Promise<void> {
    await this.page.reload();
  }
  async click(l: Loc): Promise<void> {
    await this.at(l).click();
  }
  async fill(l: Loc, text: string): Promise<void> {
    await this.at(l).fill(text);
  }
  async blur(l: Loc): Promise<void> {
    await this.at(l).blur();
  }
  async selectOption(l: Loc, label: string): Promise<void> {
    await this.at(l).selectOption({ label });
  }
  async setFile(l: Loc, file: PickedFile): Promise<void> {
    await this.at(l).setInputFiles(file);
  }
  async count(l: Loc): Promise<number> {
    return this.at(l).count();
  }
  async texts(l: Loc): Promise<string[]> {
    return this.at(l).allTextContents();
  }
  async text(l: Loc): Promise<string | null> {
    return this.at(l).textContent();
  }
  async value(l: Loc): Promise<string> {
    return this.at(l).inputValue();
  }
  async attr(l: Loc, name: string): Promise<string | null> {
    return this.at(l).getAttribute(name);
  }
  async isVisible(l: Loc): Promise<boolean> {
    return this.at(l).first().isVisible();
  }
  async waitVisible(l: Loc, timeoutMs = 15_000): Promise<void> {
    await this.at(l).first().waitFor({ state: "visible", timeout: timeoutMs });
  }
  async evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    return (await this.page.evaluate(fn as (a: unknown) => unknown, arg)) as R;
  }
  async setOffline(offline: boolean): Promise<void> {
    this.offline = offline;
    await this.b.context.setOffline(offline);
  }
  async restartApp(): Promise<void> {
    await this.b.kill();
    ({ b: this.b, page: this.page } = await ChromiumDriver.open(this.profileDir));
    if (this.offline) await this.b.context.setOffline(true);
  }
  async close(): Promise<void> {
    await this.b.close();
  }
}

export const startChromiumDriver = (profileDir: string): Promise<Driver> => ChromiumDriver.start(profileDir);
