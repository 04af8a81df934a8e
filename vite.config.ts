import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { VitePWA } from "vite-plugin-pwa";

/**
 * What Settings shows as the build ("Bản dựng"): VITE_BUILD_ID when a deployment sets it, else the package version
 * with the commit it was built from (and "+local" for uncommitted changes), so `npm start` never says "dev".
 */
export function buildId(root = process.cwd()): string {
  const { version } = JSON.parse(readFileSync(`${root}/package.json`, "utf8")) as { version: string };
  try {
    const git = (...args: string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return `${version}+${git("rev-parse", "--short=10", "HEAD")}${git("status", "--porcelain", "--untracked-files=no") ? ".local" : ""}`;
  } catch {
    return `${version}+${new Date().toISOString().slice(0, 10)}`;
  }
}
process.env.VITE_BUILD_ID ||= buildId();

/**
 * jsPDF loads html2canvas, DOMPurify and canvg (with its core-js) only for `.html()` and SVG images, which the app
 * never calls. Their chunks (with what only they import: core-js, @babel/runtime helpers) get a name of their own so the service worker leaves them out of the offline download.
 */
const UNUSED_BY_THE_APP = /\/node_modules\/(html2canvas|dompurify|canvg)\//;
export const UNUSED_CHUNK_PREFIX = "jspdf-unused-";

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      // The app registers the worker itself (src/app/shell/registerServiceWorker.ts) and asks before updating.
      registerType: "prompt",
      injectRegister: false,
      strategies: "generateSW",
      includeAssets: ["icons/icon.svg", "icons/apple-touch-icon.png"],
      manifest: {
        id: "/",
        name: "Kiểm tra ISO hành chính công",
        short_name: "Kiểm tra ISO",
        description: "Kiểm tra hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 tại cơ quan hành chính nhà nước, làm việc không cần mạng.",
        lang: "vi",
        dir: "ltr",
        start_url: "/",
        scope: "/",
        display: "standalone",
        orientation: "any",
        background_color: "#ffffff",
        theme_color: "#0b4f8a",
        categories: ["government", "productivity"],
        icons: [
          { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
          { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
          { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
      },
      workbox: {
        // Everything the app needs offline: the shell, lazy chunks (PDF, DOST console, built-in checklists), fonts, icons.
        globPatterns: ["**/*.{js,css,html,svg,png,ico,woff,woff2,ttf,json,webmanifest}"],
        globIgnores: [`**/${UNUSED_CHUNK_PREFIX}*`],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: "/index.html",
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // The first worker takes over the open page at once, so lazy chunks (PDF, DOST) load offline even when
        // the network drops before any reload. A later version still waits for the user's "Cập nhật".
        clientsClaim: true,
        skipWaiting: false,
      },
      devOptions: { enabled: false },
    }),
  ],
  server: { proxy: { "/api": "http://localhost:8080" } },
  build: {
    outDir: "dist",
    sourcemap: false,
    rolldownOptions: {
      output: {
        chunkFileNames: (chunk) =>
          chunk.moduleIds.some((id) => UNUSED_BY_THE_APP.test(id)) && chunk.moduleIds.every((id) => id.includes("/node_modules/"))
            ? `assets/${UNUSED_CHUNK_PREFIX}[name]-[hash].js`
            : "assets/[name]-[hash].js",
      },
    },
  },
});
