import { existsSync, readdirSync } from "node:fs";
import type { Engine } from "./Driver";
import { CHROMIUM } from "./ensureChromium";

/** Where each engine's programs are, from the Debian packages `chromium`, `webkit2gtk-driver` (+ `xvfb`) and `firefox-esr`. */
export const WEBKIT_WEBDRIVER = process.env.WEBKIT_WEBDRIVER_PATH ?? "/usr/bin/WebKitWebDriver";
export const XVFB = process.env.XVFB_PATH ?? "/usr/bin/Xvfb";
export const FIREFOX = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";

/** MiniBrowser, shipped by libwebkit2gtk-4.x under the multiarch library directory. */
export function miniBrowser(): string | null {
  if (process.env.MINIBROWSER_PATH) return process.env.MINIBROWSER_PATH;
  for (const lib of ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib", "/usr/libexec"]) {
    if (!existsSync(lib)) continue;
    for (const d of readdirSync(lib).filter((n) => /^webkit2?gtk-[46]\.\d$/.test(n)).sort().reverse()) {
      if (existsSync(`${lib}/${d}/MiniBrowser`)) return `${lib}/${d}/MiniBrowser`;
    }
  }
  return null;
}

/**
 * What an engine's run needs and is missing, as one English sentence naming the Debian packages to install; null
 * when everything is there. The e2e projects fail with it instead of skipping.
 */
export function missingFor(engine: Engine): string | null {
  const missing: string[] = [];
  if (engine === "chromium" && !existsSync(CHROMIUM)) missing.push(`${CHROMIUM} (Debian package chromium)`);
  if (engine === "webkit") {
    if (!existsSync(WEBKIT_WEBDRIVER)) missing.push(`${WEBKIT_WEBDRIVER} (Debian package webkit2gtk-driver)`);
    if (!miniBrowser()) missing.push("MiniBrowser under /usr/lib/*/webkit2gtk-4.*/ (Debian package webkit2gtk-driver)");
    if (!existsSync(XVFB)) missing.push(`${XVFB} (Debian package xvfb)`);
  }
  if (engine === "firefox" && !existsSync(FIREFOX)) missing.push(`${FIREFOX} (Debian package firefox-esr)`);
  return missing.length ? `The ${engine} end-to-end run needs ${missing.join(", ")}; install it and run again.` : null;
}
