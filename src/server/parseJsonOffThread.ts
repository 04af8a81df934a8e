import { Worker } from "node:worker_threads";

// A plain script (eval), so the same code runs under tsx, vitest and compiled output alike.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
let out;
try { out = { ok: true, value: JSON.parse(workerData) }; } catch { out = { ok: false }; }
parentPort.postMessage(out);
`;

/** Heap a parse worker may use: past it the worker dies and the body is refused, the server lives on. */
const WORKER_HEAP_MB = 512;

export type OffThreadParse = { ok: true; value: unknown } | { ok: false; reason: "syntax" | "memory" };

/**
 * JSON.parse in a worker thread with a memory limit, so a big body is parsed while the event loop keeps answering
 * other requests (health, logins), and a body that would need too much memory kills only the worker.
 */
export function parseJsonOffThread(text: string): Promise<OffThreadParse> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      // not the parent's loaders (tsx): a plain script needs none, and they slow or break the worker's start
      execArgv: [],
      workerData: text,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 64 },
      stdout: true,
      stderr: true,
    });
    let done = false;
    const finish = (r: OffThreadParse) => {
      if (done) return;
      done = true;
      resolve(r);
      void worker.terminate();
    };
    worker.once("message", (m: { ok: boolean; value?: unknown }) => finish(m.ok ? { ok: true, value: m.value } : { ok: false, reason: "syntax" }));
    worker.once("error", () => finish({ ok: false, reason: "memory" }));
    worker.once("exit", () => finish({ ok: false, reason: "memory" }));
  });
}
