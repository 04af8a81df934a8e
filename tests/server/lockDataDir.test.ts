/** One process at a time on a PGlite data directory; a lock left by a killed process is taken over. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lockDataDir } from "../../src/server/lockDataDir";

describe("lockDataDir", () => {
  const dir = mkdtempSync(join(tmpdir(), "htqlcl-lock-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, "server.pid");

  it("refuses a directory a live process holds, and takes over one a dead process left", () => {
    writeFileSync(file, String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`in use by process ${process.ppid}`));
    // A process that has exited: its pid is free.
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
    writeFileSync(file, dead);
    const release = lockDataDir(dir);
    expect(readFileSync(file, "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(file)).toBe(false);
  });
});
