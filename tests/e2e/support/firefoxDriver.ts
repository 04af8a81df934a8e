import { launch, type Browser, type ElementHandle, type Page } from "puppeteer-core";
import { FIREFOX } from "./engineBinaries";
import { waitFor } from "./Driver";
import { FIND_IN_PAGE } from "./findInPage";
import { InPageDriver, type Op } from "./InPageDriver";
import type { Loc } from "./Loc";

/** A tablet set to Vietnamese, and nothing that phones home during a test. */
const PREFS = {
  "intl.accept_languages": "vi-VN, vi",
  "intl.locale.requested": "vi-VN",
  "browser.shell.checkDefaultBrowser": false,
  "app.update.enabled": false,
  "datareporting.policy.dataSubmissionEnabled": false,
};

/**
 * Debian's Firefox ESR over WebDriver BiDi (puppeteer-core with `browser: "firefox"`, nothing downloaded), on a
 * persistent profile directory, so a killed browser comes back with its IndexedDB, service worker and caches.
 */
class FirefoxDriver extends InPageDriver<ElementHandle<Element>> {
  readonly engine = "firefox" as const;
  readonly emulatesNetwork = true;
  readonly restartKills = true;
  private offline = false;

  private constructor(
    private profileDir: string,
    private browser: Browser,
    private page: Page,
  ) {
    super();
  }

  private static async open(profileDir: string): Promise<{ browser: Browser; page: Page }> {
    const browser = await launch({
      browser: "firefox",
      executablePath: FIREFOX,
      headless: true,
      userDataDir: profileDir,
      extraPrefsFirefox: PREFS,
      defaultViewport: { width: 800, height: 1280 },
      protocolTimeout: 120_000,
    });
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    await page.setViewport({ width: 800, height: 1280 });
    return { browser, page };
  }

  static async start(profileDir: string): Promise<FirefoxDriver> {
    const { browser, page } = await FirefoxDriver.open(profileDir);
    return new FirefoxDriver(profileDir, browser, page);
  }

  protected async find(l: Loc, op: Op, arg?: unknown): Promise<unknown> {
    return this.page.evaluate(`(${FIND_IN_PAGE})(${JSON.stringify(l)}, ${JSON.stringify(op)}, ${JSON.stringify(arg ?? null)})`);
  }

  protected async handle(l: Loc): Promise<ElementHandle<Element> | string> {
    const h = await this.page.evaluateHandle(`(${FIND_IN_PAGE})(${JSON.stringify(l)}, "one")`);
    const el = h.asElement() as ElementHandle<Element> | null;
    if (el) return el;
    const reason = String(await h.jsonValue());
    await h.dispose();
    return reason;
  }

  /**
   * A tap where the element is now: its box must hold still over two frames and its centre must hit it, else wait
   * (as Playwright does). A bare coordinate click during a layout shift lands on whatever moved there instead.
   */
  protected async clickHandle(h: ElementHandle<Element>): Promise<void> {
    let failed: unknown = null;
    const point = await waitFor<{ x: number; y: number }>("a click that reaches its element", async () => {
      // A detached element (a re-render replaced it) fails here: the caller finds the element again.
      const r = await h.evaluate(async (el) => {
        el.scrollIntoView({ block: "center", inline: "center" });
        const box = () => {
          const b = el.getBoundingClientRect();
          return [b.left, b.top, b.width, b.height].join();
        };
        const before = box();
        await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
        if (box() !== before) return "still moving";
        const b = el.getBoundingClientRect();
        const x = b.left + b.width / 2;
        const y = b.top + b.height / 2;
        const top = document.elementFromPoint(x, y);
        if (!top || !(top === el || el.contains(top))) return `covered by ${top ? top.outerHTML.slice(0, 200) : "nothing"}`;
        return { x, y };
      }).catch((e: unknown) => {
        failed = e;
        return null;
      });
      if (r === null) return { x: 0, y: 0 };
      return typeof r === "string" ? { retry: r } : r;
    });
    if (failed) throw failed;
    await this.page.mouse.click(point.x, point.y);
  }

  protected async typeInto(h: ElementHandle<Element>, text: string): Promise<void> {
    if (text === "") await h.press("Backspace");
    else await h.type(text);
  }

  protected async pickFile(h: ElementHandle<Element>, path: string): Promise<void> {
    await (h as ElementHandle<HTMLInputElement>).uploadFile(path);
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: "load" });
  }

  async url(): Promise<string> {
    return this.page.url();
  }

  async reload(): Promise<void> {
    await this.page.reload({ waitUntil: "load" });
  }

  async evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    return (await this.page.evaluate(fn as (a: unknown) => unknown, arg)) as R;
  }

  async setOffline(offline: boolean): Promise<void> {
    this.offline = offline;
    await this.page.setOfflineMode(offline);
  }

  async restartApp(): Promise<void> {
    const child = this.browser.process();
    if (!child) throw new Error("Firefox was not started by this driver");
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGKILL");
    await exited;
    await this.browser.disconnect().catch(() => undefined);
    ({ browser: this.browser, page: this.page } = await FirefoxDriver.open(this.profileDir));
    if (this.offline) await this.page.setOfflineMode(true);
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    const child = this.browser.process();
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
}

export const startFirefoxDriver = (profileDir: string): Promise<InPageDriver<ElementHandle<Element>>> => FirefoxDriver.start(profileDir);
