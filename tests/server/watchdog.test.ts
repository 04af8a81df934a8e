/** The event-loop watchdog ends a process whose loop is stuck, so its supervisor can restart it. */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const WATCHDOG = fileURLToPath(new URL("../../src/server/startWatchdog.ts", import.meta.url));

function run(script: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.once("exit", (code, signal) => resolve({ code, signal, err }));
  });
}

describe("event-loop watchdog", () => {
  it("kills a process whose event loop is stuck, saying why, and leaves a healthy one alone", async () => {
    const stuck = await run(`import { startWatchdog } from ${JSON.stringify(WATCHDOG)}; setInterval(() => undefined, 1000); await startWatchdog(2).ready; for (;;) {}`);
    expect(stuck.signal).toBe("SIGKILL");
    expect(stuck.err).toMatch(/event loop has not answered for \d+ s/);
    // a loop that stays free runs to its end (the watchdog does not keep the process alive either)
    const fine = await run(`import { startWatchdog } from ${JSON.stringify(WATCHDOG)}; startWatchdog(2); let n = 0; const t = setInterval(() => { if (++n === 8) clearInterval(t); }, 500);`);
    expect(fine).toMatchObject({ code: 0, signal: null });
  }, 120_000);
});
