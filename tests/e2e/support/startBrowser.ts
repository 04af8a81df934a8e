import { spawn, type ChildProcess } from "node:child_process";
import { chromium, type Browser, type BrowserContext } from "playwright-core";
import { CHROMIUM } from "./ensureChromium";

export interface RunningBrowser {
  browser: Browser;
  context: BrowserContext;
  /** Ends the browser the way a killed app or a dead tablet battery does: SIGKILL, no shutdown. */
  kill(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts Debian's Chromium ourselves on a persistent profile and connects over CDP, so a test can SIGKILL the real
 * browser process and start it again on the same profile (IndexedDB, service worker and caches survive).
 */
export async function startBrowser(profileDir: string): Promise<RunningBrowser> {
  const child: ChildProcess = spawn(
    CHROMIUM,
    [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
      // A tablet set to Vietnamese: dates are typed dd/mm/yyyy.
      "--lang=vi-VN",
      `--user-data-dir=${profileDir}`,
      "--remote-debugging-port=0",
      "about:blank",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  const wsUrl = await new Promise<string>((ok, fail) => {
    let err = "";
    const timer = setTimeout(() => fail(new Error(`Chromium did not start:\n${err}`)), 30_000);
    child.stderr?.on("data", (d: Buffer) => {
      err += d.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    });
    child.once("exit", (code) => fail(new Error(`Chromium exited (${code}):\n${err}`)));
  });
  const browser = await chromium.connectOverCDP(wsUrl);
  const context = browser.contexts()[0]!;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  return {
    browser,
    context,
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
    async close() {
      await browser.close().catch(() => undefined);
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}
