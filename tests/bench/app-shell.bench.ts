/**
 * App shell benchmark, in Debian's Chromium against the real build served by the real server:
 * - bytes of the first online visit (gzip) by kind, the critical path beside the 170 KB slow-3G budget;
 * - gzip size of the JavaScript needed to reach the scoring screen;
 * - start to first usable screen with the network cut, 1× and 4× CPU, beside a blank page in the same run;
 * - tap-to-saved latency (p50/p95) scoring one criterion with 10,000 results stored, 1× and 4× CPU, beside a raw
 *   IndexedDB put in its own transaction measured in the same page.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type BrowserContext, type Page } from "playwright-core";

const ROOT = process.cwd();
const OUT = join(ROOT, ".tmp/bench-app-shell-dist");
const BUDGET_KB = 170;
const RUNS = 5;
const TAPS = 30;
const STORED_RESULTS = 10_000;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
function kindOf(path: string): string {
  if (/\.js$/.test(path)) return "JS";
  if (/\.css$/.test(path)) return "CSS";
  if (/\.(woff2?|ttf|otf)$/.test(path)) return "fonts";
  if (/\.(json|webmanifest)$/.test(path)) return "data";
  if (/\.html$|\/$/.test(path)) return "HTML";
  return "images";
}
/** gzip size of a built file, by its URL path (what a compressing server or CDN sends). */
function gzipOf(path: string): number {
  const file = join(OUT, path === "/" ? "index.html" : path.replace(/^\//, ""));
  try {
    if (!statSync(file).isFile()) return 0;
    return gzipSync(readFileSync(file), { level: 9 }).length;
  } catch {
    return 0;
  }
}
function sumByKind(paths: Iterable<string>): Record<string, number> {
  const out: Record<string, number> = { JS: 0, CSS: 0, fonts: 0, data: 0, HTML: 0, images: 0 };
  for (const p of paths) out[kindOf(p)]! += gzipOf(p);
  return out;
}

async function throttle(page: Page, rate: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
}

/** Records performance.now() (ms since navigation start) when `selector` first appears. */
const MARK_SCRIPT = (selector: string) => `
  new MutationObserver((_, o) => {
    if (document.querySelector(${JSON.stringify(selector)})) { window.__usableAt = performance.now(); o.disconnect(); }
  }).observe(document, { subtree: true, childList: true });`;

async function timeToUsable(context: BrowserContext, url: string, selector: string, rate: number): Promise<number> {
  const page = await context.newPage();
  await throttle(page, rate);
  await page.addInitScript(MARK_SCRIPT(selector));
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForFunction(() => (window as unknown as { __usableAt?: number }).__usableAt !== undefined, null, { timeout: 60_000 });
  const t = await page.evaluate(() => (window as unknown as { __usableAt: number }).__usableAt);
  await page.close();
  return t;
}

async function main(): Promise<void> {
  console.log("building the app…");
  const build = spawnSync("npx", ["vite", "build", "--outDir", OUT, "--emptyOutDir"], { cwd: ROOT, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`vite build failed: ${build.stderr.slice(-2000)}`);

  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "htqlcl-bench-"));
  const server = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, ADMIN_PASSWORD: "bench-admin-pw", STATIC_DIR: OUT, DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const base = `http://localhost:${port}`;
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    for (let i = 0; ; i++) {
      const ok = await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false);
      if (ok) break;
      if (i > 600) throw new Error("server did not start");
      await new Promise((r) => setTimeout(r, 100));
    }
    const context = await browser.newContext({ viewport: { width: 800, height: 1280 } });

    // First online visit: what the page asks for before the login screen is usable, then what the service worker
    // precaches for offline use.
    const critical = new Set<string>();
    const page = await context.newPage();
    page.on("request", (r) => {
      const u = new URL(r.url());
      if (u.origin === base && !u.pathname.startsWith("/api/")) critical.add(u.pathname);
    });
    await page.goto(`${base}/`);
    await page.getByRole("button", { name: "Đăng nhập" }).waitFor();
    const criticalNow = new Set(critical);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
      return urls;
    });
    const firstVisit = new Set([...critical, ...cached]);
    const byKind = sumByKind(firstVisit);
    const crit = sumByKind(criticalNow);
    const critTotal = Object.values(crit).reduce((a, b) => a + b, 0);
    console.log("\nFirst online visit, gzip bytes by kind (everything precached for offline use):");
    for (const [k, v] of Object.entries(byKind)) console.log(`  ${k.padEnd(7)} ${kb(v)}`);
    if (byKind.fonts === 0) console.log("  (UI text uses the system's Vietnamese-capable fonts; the PDF's Tinos subset is inside the lazy PDF chunk)");
    console.log(`  total   ${kb(Object.values(byKind).reduce((a, b) => a + b, 0))} in ${firstVisit.size} files`);
    console.log(`Critical path to the first usable screen: ${kb(critTotal)} (JS ${kb(crit.JS!)}, CSS ${kb(crit.CSS!)}, HTML ${kb(crit.HTML!)}) — budget ${BUDGET_KB} KB: ${critTotal / 1024 <= BUDGET_KB ? "within" : "OVER"}`);

    // Log in, make an inspection to score (agency added on the spot, built-in checklist).
    await page.getByLabel("Tên đăng nhập").fill("admin");
    await page.getByLabel("Mật khẩu").fill("bench-admin-pw");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByTestId("new-inspection").click();
    await page.getByRole("button", { name: "Thêm cơ quan chưa có" }).click();
    await page.getByTestId("new-agency-name").fill("UBND xã Mường Lý");
    await page.getByRole("button", { name: "Thêm", exact: true }).click();
    await page.getByTestId("checklist-select").selectOption({ index: 1 });
    await page.getByTestId("create-inspection").click();
    await page.getByTestId("criterion-panel").waitFor();
    const scoringUrl = page.url().replace(/\?.*$/, "");
    await page.close();

    await context.setOffline(true);
    // JavaScript needed to reach the scoring screen (cold page, served by the service worker).
    const scoringJs = new Set<string>();
    const p2 = await context.newPage();
    p2.on("request", (r) => {
      const u = new URL(r.url());
      if (u.origin === base && u.pathname.endsWith(".js")) scoringJs.add(u.pathname);
    });
    await p2.goto(scoringUrl);
    await p2.getByTestId("criterion-panel").waitFor();
    await p2.close();
    const scoringJsBytes = [...scoringJs].reduce((a, p) => a + gzipOf(p), 0);
    console.log(`\nJS to reach the scoring screen: ${kb(scoringJsBytes)} gzip in ${scoringJs.size} files`);

    console.log(`\nStart to first usable screen, network cut (median of ${RUNS}):`);
    for (const rate of [1, 4]) {
      const app: number[] = [];
      const blank: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        // A restart resumes where the user was (here the scoring screen), so either screen counts as usable.
        app.push(await timeToUsable(context, `${base}/`, '[data-testid="new-inspection"], [data-testid="criterion-panel"]', rate));
        blank.push(await timeToUsable(context, `${base}/icons/icon.svg`, "svg", rate));
      }
      console.log(`  ${rate}× CPU: app (resumed screen) ${ms(pct(app, 50))} (p95 ${ms(pct(app, 95))}) · baseline precached static file ${ms(pct(blank, 50))}`);
    }

    // Tap-to-saved with 10,000 results stored (other inspections' rows and their changes, put straight into IndexedDB).
    const p3 = await context.newPage();
    // tsx names inner functions with a __name helper that does not exist inside the page.
    await p3.addInitScript("globalThis.__name = (f) => f");
    await p3.goto(scoringUrl);
    await p3.getByTestId("criterion-panel").waitFor();
    await p3.evaluate(async (n) => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open("htqlcl");
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const tx = db.transaction(["results", "changes"], "readwrite");
      for (let i = 0; i < n; i++) {
        const insp = `bench-${i % 200}`;
        const code = `I.${Math.floor(i / 200)}`;
        const rowId = `${insp}/${code}`;
        const hlc = `${String(1700000000000 + i).padStart(15, "0")}:00000:benchseed`;
        tx.objectStore("results").put({ id: rowId, inspectionId: insp, criterionCode: code, outcome: "conform", _hlc: { outcome: hlc } });
        tx.objectStore("changes").put({ id: `seed-${i}`, entity: "result", rowId, field: "outcome", value: "conform", hlc, prevHlc: null, device: "benchseed", user: "bench" });
      }
      await new Promise((res, rej) => {
        tx.oncomplete = res;
        tx.onerror = () => rej(tx.error);
      });
      db.close();
    }, STORED_RESULTS);
    console.log(`\nTap-to-saved, scoring one criterion with ${STORED_RESULTS.toLocaleString("en")} results stored (${TAPS} taps):`);
    for (const rate of [1, 4]) {
      await throttle(p3, rate);
      const taps: number[] = await p3.evaluate(async (count) => {
        const out: number[] = [];
        const panel = () => document.querySelector('[data-testid="criterion-panel"]')!;
        for (let i = 0; i < count; i++) {
          const outcome = i % 2 === 0 ? "partial" : "observation";
          const btn = panel().querySelector<HTMLButtonElement>(`button[data-outcome="${outcome}"]`)!;
          const t0 = performance.now();
          btn.click();
          // Saved = the status says so and the screen shows the committed value.
          await new Promise<void>((res) => {
            const check = () => {
              const status = document.querySelector('[data-testid="save-status"]');
              const pressed = panel().querySelector(`button[data-outcome="${outcome}"]`)?.getAttribute("aria-pressed") === "true";
              if (pressed && status?.getAttribute("data-state") === "saved") res();
              else requestAnimationFrame(check);
            };
            check();
          });
          out.push(performance.now() - t0);
        }
        return out;
      }, TAPS);
      const raw: number[] = await p3.evaluate(async (count) => {
        const db = await new Promise<IDBDatabase>((res, rej) => {
          const r = indexedDB.open("bench-raw", 1);
          r.onupgradeneeded = () => r.result.createObjectStore("rows", { keyPath: "id" });
          r.onsuccess = () => res(r.result);
          r.onerror = () => rej(r.error);
        });
        const out: number[] = [];
        for (let i = 0; i < count; i++) {
          const t0 = performance.now();
          const tx = db.transaction("rows", "readwrite", { durability: "strict" });
          tx.objectStore("rows").put({ id: `r${i % 5}`, outcome: i % 2 ? "conform" : "partial", note: "x".repeat(100) });
          await new Promise((res) => (tx.oncomplete = res));
          out.push(performance.now() - t0);
        }
        db.close();
        return out;
      }, TAPS);
      console.log(`  ${rate}× CPU: tap-to-saved p50 ${ms(pct(taps, 50))}, p95 ${ms(pct(taps, 95))} · baseline raw IndexedDB put (strict) p50 ${pct(raw, 50).toFixed(1)} ms, p95 ${pct(raw, 95).toFixed(1)} ms`);
    }
    await p3.close();
    await context.close();
  } finally {
    await browser.close();
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(`app-shell bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
