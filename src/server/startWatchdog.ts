import { Worker } from "node:worker_threads";

// A plain script (eval), so it runs the same under tsx and compiled output. It writes with fs.writeSync because the
// worker's process.stderr goes through the main thread, which is exactly what is stuck.
const WATCHDOG_SOURCE = `
const { workerData } = require("node:worker_threads");
const { writeSync } = require("node:fs");
const beat = new Int32Array(workerData.buffer);
setInterval(() => {
  const stuck = Math.floor(Date.now() / 1000) - workerData.base - Atomics.load(beat, 0);
  if (stuck > workerData.limit) {
    writeSync(2, "server: the event loop has not answered for " + stuck + " s (a hung database?); exiting so the supervisor restarts the server\\n");
    process.kill(process.pid, "SIGKILL");
  }
}, 1000);
`;

/**
 * Kills the process when its event loop has been stuck for `limitSeconds` (embedded PGlite spinning on a full disk,
 * a runaway computation): a supervisor (systemd `Restart=always`, a container restart policy) then starts it again,
 * instead of a server that is up but answers nothing, forever. `ready` resolves once the watchdog thread runs.
 */
export function startWatchdog(limitSeconds: number): { ready: Promise<void>; stop: () => void } {
  const buffer = new SharedArrayBuffer(4);
  const beat = new Int32Array(buffer);
  const base = Math.floor(Date.now() / 1000);
  const tick = () => Atomics.store(beat, 0, Math.floor(Date.now() / 1000) - base);
  tick();
  const timer = setInterval(tick, 1000);
  timer.unref();
  // execArgv: [] so the worker does not load the parent's loaders (tsx), which a plain script does not need
  const worker = new Worker(WATCHDOG_SOURCE, { eval: true, execArgv: [], workerData: { buffer, base, limit: limitSeconds } });
  worker.unref();
  const ready = new Promise<void>((resolve) => worker.once("online", () => resolve()));
  return {
    ready,
    stop: () => {
      clearInterval(timer);
      void worker.terminate();
    },
  };
}
