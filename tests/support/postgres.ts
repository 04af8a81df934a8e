/**
 * A throwaway PostgreSQL cluster for tests, started from the system's binaries (/usr/lib/postgresql/<v>/bin) on a
 * free port in a temporary directory, and removed on stop. Run as root (CI), it runs the server as the `postgres`
 * system user, since initdb refuses root. No binaries: it throws, so the suite fails loudly instead of skipping.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./freePort";

export interface TestPostgres {
  url: string;
  /** A URL for a fresh, empty database in this cluster. */
  createDatabase(name: string): Promise<string>;
  /** Stops the PostgreSQL server as a crash or an operator would (`immediate` drops every connection), keeping its data. */
  halt(mode?: "immediate" | "fast"): void;
  /** Starts it again after halt(), on the same port and data. */
  resume(): void;
  stop(): Promise<void>;
}

function binDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root).filter((v) => existsSync(join(root, v, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error("PostgreSQL binaries not found under /usr/lib/postgresql/*/bin: install the postgresql package (.ci/run does).");
  }
  return join(root, versions[0]!, "bin");
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), "htqlcl-pg-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
  }
  const run = (cmd: string, args: string[]) => {
    const full = asRoot ? ["runuser", ["-u", "postgres", "--", join(bin, cmd), ...args]] as const : [join(bin, cmd), args] as const;
    const r = spawnSync(full[0], [...full[1]], { encoding: "utf8", cwd: dir });
    if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${(r.stderr || r.stdout).trim().split("\n").slice(-3).join(" | ")}`);
  };
  const data = join(dir, "data");
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`;
  run("pg_ctl", ["-D", data, "-o", opts, "-l", join(dir, "log"), "-w", "-t", "60", "start"]);
  const base = `postgres://postgres@127.0.0.1:${port}`;
  let stopped = false;
  // A test process that dies without calling stop() must not leave a server running.
  const onExit = () => {
    if (stopped) return;
    stopped = true;
    spawnSync(asRoot ? "runuser" : join(bin, "pg_ctl"), asRoot ? ["-u", "postgres", "--", join(bin, "pg_ctl"), "-D", data, "-m", "immediate", "stop"] : ["-D", data, "-m", "immediate", "stop"]);
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", onExit);
  return {
    url: `${base}/postgres`,
    halt(mode = "immediate") {
      run("pg_ctl", ["-D", data, "-m", mode, "-w", "stop"]);
    },
    resume() {
      run("pg_ctl", ["-D", data, "-o", opts, "-l", join(dir, "log"), "-w", "-t", "60", "start"]);
    },
    async createDatabase(name: string) {
      const { default: pg } = await import("pg");
      const c = new pg.Client({ connectionString: `${base}/postgres` });
      await c.connect();
      try {
        await c.query(`create database "${name.replace(/"/g, "")}"`);
      } finally {
        await c.end();
      }
      return `${base}/${name}`;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      process.removeListener("exit", onExit);
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
