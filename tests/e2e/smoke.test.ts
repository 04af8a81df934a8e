import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startBrowser, type RunningBrowser } from "./support/startBrowser";
import { startServer, type RunningServer } from "./support/startServer";

describe("the built app served by the real server", () => {
  let dir: string;
  let server: RunningServer;
  let b: RunningBrowser;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "e2e-smoke-"));
    server = await startServer({ dataDir: join(dir, "data"), staticDir: inject("distA"), adminPassword: "admin-pass-123" });
    b = await startBrowser(join(dir, "profile"));
  });
  afterAll(async () => {
    await b?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves a Vietnamese page with a manifest and registers the service worker", async () => {
    const page = await b.context.newPage();
    await page.goto(server.url);
    expect(await page.getAttribute("html", "lang")).toBe("vi");
    const manifestHref = await page.getAttribute('link[rel="manifest"]', "href");
    expect(manifestHref).toBeTruthy();
    const manifest = (await (await fetch(new URL(manifestHref!, server.url))).json()) as { name: string; icons: { sizes: string; purpose?: string }[] };
    expect(manifest.name).toContain("Kiểm tra");
    expect(manifest.icons.map((i) => `${i.sizes}:${i.purpose ?? "any"}`).sort()).toEqual(["192x192:any", "512x512:any", "512x512:maskable"]);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${server.url}/`);
  });
});
