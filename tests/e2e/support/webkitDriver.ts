import { spawn, type ChildProcess } from "node:child_process";
import { Builder, error, Key, type WebDriver, type WebElement } from "selenium-webdriver";
import { miniBrowser, WEBKIT_WEBDRIVER, XVFB } from "./engineBinaries";
import { waitFor } from "./Driver";
import { FIND_IN_PAGE } from "./findInPage";
import { InPageDriver, type Op } from "./InPageDriver";
import type { Loc } from "./Loc";
import { freePort } from "./startServer";

/** Starts a private X server (Xvfb picks a free display and writes its number to fd 3). */
async function startXvfb(): Promise<{ display: string; child: ChildProcess }> {
  const child = spawn(XVFB, ["-displayfd", "3", "-screen", "0", "1600x1600x24", "-nolisten", "tcp"], { stdio: ["ignore", "ignore", "pipe", "pipe"] });
  let err = "";
  child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
  const display = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`Xvfb did not start:\n${err}`)), 30_000);
    (child.stdio[3] as NodeJS.ReadableStream).on("data", (d: Buffer) => {
      clearTimeout(timer);
      ok(`:${d.toString().trim()}`);
    });
    child.once("exit", (code) => fail(new Error(`Xvfb exited (${code}):\n${err}`)));
  });
  return { display, child };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}

/**
 * WebKitGTK driven through its WebDriver (WebKitWebDriver, MiniBrowser in automation mode) on its own Xvfb display.
 * Its automation session is ephemeral: storage lives in memory for the session, navigator.storage is missing and a
 * Blob cannot be put into IndexedDB — the traits of Safari's private mode, which the app must survive.
 */
class WebkitDriver extends InPageDriver<WebElement> {
  readonly engine = "webkit" as const;
  readonly emulatesNetwork = false;
  readonly restartKills = false;

  constructor(
    private wd: WebDriver,
    private driverProcess: ChildProcess,
    private xvfb: ChildProcess,
  ) {
    super();
  }

  static async start(): Promise<WebkitDriver> {
    const browser = miniBrowser();
    if (!browser) throw new Error("MiniBrowser is missing (Debian package webkit2gtk-driver)");
    const { display, child: xvfb } = await startXvfb();
    const port = await freePort();
    const driverProcess = spawn(WEBKIT_WEBDRIVER, [`--port=${port}`, "--host=127.0.0.1"], {
      env: { ...process.env, DISPLAY: display, LANG: "vi_VN.UTF-8" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let log = "";
    driverProcess.stderr?.on("data", (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
    try {
      const deadline = Date.now() + 30_000;
      for (;;) {
        if (driverProcess.exitCode !== null) throw new Error(`WebKitWebDriver exited (${driverProcess.exitCode}):\n${log}`);
        try {
          if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) break;
        } catch {
          // not listening yet
        }
        if (Date.now() > deadline) throw new Error(`WebKitWebDriver did not start in 30 s:\n${log}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const wd = await new Builder()
        .usingServer(`http://127.0.0.1:${port}`)
        .withCapabilities({ browserName: "MiniBrowser", "webkitgtk:browserOptions": { binary: browser, args: ["--automation"] } })
        .build();
      await wd.manage().setTimeouts({ script: 60_000, pageLoad: 60_000 });
      await wd.manage().window().setRect({ width: 800, height: 1280 });
      return new WebkitDriver(wd, driverProcess, xvfb);
    } catch (e) {
      await stop(driverProcess);
      await stop(xvfb);
      throw e;
    }
  }

  protected async find(l: Loc, op: Op, arg?: unknown): Promise<unknown> {
    return this.wd.executeScript(`return (${FIND_IN_PAGE})(arguments[0], arguments[1], arguments[2]);`, l, op, arg ?? null);
  }

  protected async handle(l: Loc): Promise<WebElement | string> {
    return this.wd.executeScript(`return (${FIND_IN_PAGE})(arguments[0], "one");`, l);
  }

  /**
   * A tap lands where the user sees the element: while something else covers its centre (a layout still settling
   * after a restart), wait for it as Playwright does, and name the covering element if it never clears.
   */
  protected async clickHandle(h: WebElement): Promise<void> {
    let failed: unknown = null;
    await waitFor("a click that reaches its element", async () => {
      try {
        await h.click();
        return true;
      } catch (e) {
        // Another failure (a stale element): the caller finds the element again.
        if (!(e instanceof error.ElementClickInterceptedError)) {
          failed = e instanceof Error && e.message ? e : new Error(`WebDriver click failed: ${e instanceof Error ? e.name : String(e)}`);
          return true;
        }
        const cover = await this.wd.executeScript<string>(
          `const r = arguments[0].getBoundingClientRect();
           const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
           return top ? top.outerHTML.slice(0, 200) + " over a " + r.width + "x" + r.height + " box at " + r.left + "," + r.top : "nothing";`,
          h,
        );
        await this.wd.executeScript(`arguments[0].scrollIntoView({ block: "center" });`, h);
        return { retry: `covered by ${cover}` };
      }
    });
    if (failed) throw failed;
  }

  protected async typeInto(h: WebElement, text: string): Promise<void> {
    await h.sendKeys(text === "" ? Key.BACK_SPACE : text);
  }

  protected async pickFile(h: WebElement, path: string): Promise<void> {
    await h.sendKeys(path);
  }

  async goto(url: string): Promise<void> {
    await this.wd.get(url);
  }

  async url(): Promise<string> {
    return this.wd.getCurrentUrl();
  }

  async reload(): Promise<void> {
    await this.wd.navigate().refresh();
  }

  async evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    const out = (await this.wd.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       Promise.resolve().then(() => (${fn.toString()})(arguments[0]))
         .then((value) => done({ value: value === undefined ? null : value }), (e) => done({ error: String((e && e.stack) || e) }));`,
      arg,
    )) as { value: R } | { error: string };
    if ("error" in out) throw new Error(`in the page: ${out.error}`);
    return out.value;
  }

  async setOffline(): Promise<void> {
    // WebKitGTK's WebDriver has no network emulation: the tests stop the server instead.
  }

  /**
   * Not a kill: WebKitWebDriver deletes the session when its web process dies, and with it the in-memory storage.
   * The tab is closed and the app opened in a new one of the same session instead.
   */
  async restartApp(): Promise<void> {
    const old = await this.wd.getWindowHandle();
    await this.wd.switchTo().newWindow("tab");
    const fresh = await this.wd.getWindowHandle();
    await this.wd.switchTo().window(old);
    await this.wd.close();
    await this.wd.switchTo().window(fresh);
    await this.wd.manage().window().setRect({ width: 800, height: 1280 });
  }

  async close(): Promise<void> {
    await this.wd.quit().catch(() => undefined);
    await stop(this.driverProcess);
    await stop(this.xvfb);
  }
}

export const startWebkitDriver = (): Promise<InPageDriver<WebElement>> => WebkitDriver.start();
