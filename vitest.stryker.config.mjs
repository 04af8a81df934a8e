import { defineConfig } from "vitest/config";
import base from "./vitest.config.ts";

/** The suite's "unit" project alone, for Stryker (stryker.config.mjs): no e2e global setup in a mutation run. */
const unit = base.test?.projects?.find((p) => typeof p === "object" && p.test?.name === "unit");
if (!unit) throw new Error('vitest.config.ts has no "unit" project');

export default defineConfig({ test: { ...unit.test, name: undefined } });
