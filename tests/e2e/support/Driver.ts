import type { Loc } from "./Loc";

export type Engine = "chromium" | "webkit" | "firefox";

/** A picked file, as a camera or gallery hands it to the page. */
export interface PickedFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/**
 * One browser with one tab, driven the same way whatever its engine, so a scenario is written once and runs in
 * Chromium (Playwright over CDP), WebKit (WebKitGTK's WebDriver) and Firefox (WebDriver BiDi). Actions wait for their
 * element (up to 15 s) and fail if the locator matches several elements.
 */
export interface Driver {
  readonly engine: Engine;
  /**
   * Whether the browser itself can be taken offline (navigator.onLine false, "online" event on return). Where it
   * cannot (WebKitGTK), a test cuts the network by stopping the server, and the user taps "Đồng bộ ngay" on return.
   */
  readonly emulatesNetwork: boolean;
  goto(url: string): Promise<void>;
  url(): Promise<string>;
  reload(): Promise<void>;
  click(l: Loc): Promise<void>;
  /** Replaces the field's text as typing does. */
  fill(l: Loc, text: string): Promise<void>;
  blur(l: Loc): Promise<void>;
  selectOption(l: Loc, label: string): Promise<void>;
  setFile(l: Loc, file: PickedFile): Promise<void>;
  count(l: Loc): Promise<number>;
  texts(l: Loc): Promise<string[]>;
  text(l: Loc): Promise<string | null>;
  value(l: Loc): Promise<string>;
  attr(l: Loc, name: string): Promise<string | null>;
  isVisible(l: Loc): Promise<boolean>;
  waitVisible(l: Loc, timeoutMs?: number): Promise<void>;
  /** Runs `fn(arg)` in the page (awaiting a promise) and returns its JSON-serializable result. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  setOffline(offline: boolean): Promise<void>;
  /**
   * The app ends and is opened again on a blank tab of the same profile. Chromium and Firefox: SIGKILL of the browser
   * (no shutdown, as when the battery dies or the OS kills it), then a new browser on the same profile directory.
   * WebKit: the tab is closed and a new one opened in the same session (WebKitGTK's automation session keeps its
   * storage in memory and is deleted when its browser or web process dies, so a kill cannot be survived there).
   */
  restartApp(): Promise<void>;
  /** Whether `restartApp` kills the browser process (false: it closes the tab). */
  readonly restartKills: boolean;
  close(): Promise<void>;
}

/** Polls `probe` until it returns something other than undefined, or fails with the last reason after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | { retry: string }>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: string;
  for (;;) {
    try {
      const r = await probe();
      if (r !== undefined && !(typeof r === "object" && r !== null && "retry" in r)) return r as T;
      last = r === undefined ? "" : (r as { retry: string }).retry;
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
    }
    if (Date.now() > deadline) throw new Error(`${what}: still failing after ${timeoutMs} ms${last ? `: ${last}` : ""}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}
