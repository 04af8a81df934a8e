import { defineConfig } from "vitest/config";

/** The end-to-end scenarios that run in all three engines (on tests/e2e/support/Driver.ts). */
const E2E_EVERY_ENGINE = ["tests/e2e/smoke.test.ts", "tests/e2e/offlineInspection.test.ts", "tests/e2e/keystrokes.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 240_000,
    pool: "forks",
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
          exclude: ["tests/bench/**", "tests/e2e/**", "node_modules/**"],
          environment: "node",
          setupFiles: ["tests/support/testingLibraryTimeout.ts"],
          testTimeout: 60_000,
          hookTimeout: 240_000,
          pool: "forks",
        },
      },
      // End to end, one project per engine (docs/testing-engines.md). Chromium runs every scenario; WebKit and
      // Firefox run the scenarios written on the engine-neutral driver. Each fails when its browser is missing.
      ...(["chromium", "webkit", "firefox"] as const).map((engine) => ({
        test: {
          name: `e2e-${engine}`,
          include: engine === "chromium" ? ["tests/e2e/**/*.test.ts"] : E2E_EVERY_ENGINE,
          environment: "node",
          globalSetup: ["tests/e2e/support/globalSetup.ts"],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 240_000,
          pool: "forks" as const,
        },
      })),
    ],
  },
});
