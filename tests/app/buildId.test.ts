import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("the build Settings shows", () => {
  it("is the package version and the commit when no deployment sets VITE_BUILD_ID, not 'dev'", async () => {
    const before = process.env.VITE_BUILD_ID;
    delete process.env.VITE_BUILD_ID;
    try {
      const { buildId } = await import("../../vite.config");
      const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
      expect(buildId()).toMatch(new RegExp(`^${version.replace(/\./g, "\\.")}\\+[0-9a-f]{10}(\\.local)?$`));
      // Loading the config (as `vite build` in `npm start` does) sets it for the app's BUILD_ID.
      expect(process.env.VITE_BUILD_ID).toBe(buildId());
    } finally {
      if (before === undefined) delete process.env.VITE_BUILD_ID;
      else process.env.VITE_BUILD_ID = before;
    }
  });
});
