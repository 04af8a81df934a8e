import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Page } from "playwright-core";
import { build, type Rollup } from "vite";

/**
 * Bundles `entry` (as vite bundles the app) into an IIFE exposing `name` and opens it in Debian Chromium from a
 * localhost page: Web Crypto needs a secure context, which about:blank is not. `close` stops browser and server.
 */
export async function bundledPage(entry: string, name: string): Promise<{ page: Page; close(): Promise<void> }> {
  const out = (await build({
    configFile: false,
    logLevel: "silent",
    build: { write: false, minify: false, lib: { entry, formats: ["iife"], name } },
  })) as Rollup.RollupOutput[];
  const js = out[0]!.output[0].code;
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const server = createServer((req, res) => {
    if (req.url === "/bundle.js") res.writeHead(200, { "Content-Type": "text/javascript" }).end(js);
    else res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end('<!doctype html><meta charset=utf-8><script src="/bundle.js"></script>');
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  return {
    page,
    async close() {
      await browser.close();
      server.close();
    },
  };
}
