import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Driver } from "./support/Driver";
import { css } from "./support/Loc";
import { currentEngine, startDriver } from "./support/startDriver";
import { startServer, type RunningServer } from "./support/startServer";

describe(`the built app served by the real server (${currentEngine()})`, () => {
  let dir: string;
  let server: RunningServer;
  let d: Driver;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "e2e-smoke-"));
    server = await startServer({ dataDir: join(dir, "data"), staticDir: inject("distA"), adminPassword: "admin-pass-123" });
    d = await startDriver(join(dir, "profile"));
  });
  afterAll(async () => {
    await d?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves a Vietnamese page with a manifest and registers the service worker", async () => {
    await d.goto(server.url);
    expect(await d.attr(css("html"), "lang")).toBe("vi");
    const manifestHref = await d.attr(css('link[rel="manifest"]'), "href");
    expect(manifestHref).toBeTruthy();
    const manifest = (await (await fetch(new URL(manifestHref!, server.url))).json()) as { name: string; icons: { sizes: string; purpose?: string }[] };
    expect(manifest.name).toContain("Kiểm tra");
    expect(manifest.icons.map((i) => `${i.sizes}:${i.purpose ?? "any"}`).sort()).toEqual(["192x192:any", "512x512:any", "512x512:maskable"]);
    const scope = await d.evaluate(async () => (await navigator.serviceWorker.ready).scope, null);
    expect(scope).toBe(`${server.url}/`);
  });

  it("the offline download holds the PDF code but not jsPDF's html2canvas, DOMPurify and canvg, which the app never calls", async () => {
    const sw = await (await fetch(`${server.url}/sw.js`)).text();
    const precached = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!);
    expect(precached.some((u) => /^assets\/pdfBytes-.*\.js$/.test(u))).toBe(true);
    expect(precached.filter((u) => /html2canvas|purify|canvg|jspdf-unused-/.test(u))).toEqual([]);
    const unused = readdirSync(join(inject("distA"), "assets")).filter((f) => f.startsWith("jspdf-unused-"));
    expect(unused.map((f) => f.replace(/-[\w-]{8}\.js$/, "")).sort()).toEqual(["jspdf-unused-html2canvas", "jspdf-unused-index.es", "jspdf-unused-purify.es"]);
    // Still served, should some future call need them online.
    expect((await fetch(`${server.url}/assets/${unused[0]}`)).status).toBe(200);
  });
});
