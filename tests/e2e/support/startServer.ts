import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { inject } from "vitest";

const ROOT = resolve(import.meta.dirname, "../../..");

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const addr = s.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      s.close(() => ok(port));
    });
  });
}

/** Starts the real server, compiled as `npm start` runs it (`node dist-server/main.js`), in a child process. */
export async function startServer(opts: { dataDir: string; staticDir: string; port?: number; adminPassword: string }): Promise<RunningServer> {
  const port = opts.port ?? (await freePort());
  const child: ChildProcess = spawn(process.execPath, ["--enable-source-maps", inject("serverMain")], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: opts.dataDir, STATIC_DIR: opts.staticDir, ADMIN_PASSWORD: opts.adminPassword, DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 180_000; // PGlite starts slowly on a loaded machine
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${log}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start in 180 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    port,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}
