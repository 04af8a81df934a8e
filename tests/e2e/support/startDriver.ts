import { inject } from "vitest";
import { startChromiumDriver } from "./chromiumDriver";
import type { Driver, Engine } from "./Driver";
import { missingFor } from "./engineBinaries";
import { startFirefoxDriver } from "./firefoxDriver";
import { startWebkitDriver } from "./webkitDriver";

/** The engine of the running e2e project ("e2e-chromium", "e2e-webkit", "e2e-firefox"). */
export function currentEngine(): Engine {
  return inject("engine");
}

/** Starts the current project's engine on `profileDir`; fails (never skips) when its browser is not installed. */
export async function startDriver(profileDir: string, engine: Engine = currentEngine()): Promise<Driver> {
  const missing = missingFor(engine);
  if (missing) throw new Error(missing);
  if (engine === "chromium") return startChromiumDriver(profileDir);
  if (engine === "webkit") return startWebkitDriver();
  return startFirefoxDriver(profileDir);
}
