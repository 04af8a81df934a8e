import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Storage } from "./Storage";

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), "migrations");

/** The migration files, in order: `NNN_name.sql`. */
export function migrationFiles(dir = MIGRATIONS_DIR): { name: string; sql: string }[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name), "utf8") }));
}

/**
 * Applies the migrations not yet applied, in one transaction. Several instances starting at once on one
 * PostgreSQL wait for each other on an advisory lock, so each migration runs once.
 */
export async function runMigrations(storage: Storage, files = migrationFiles()): Promise<string[]> {
  return storage.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock(4241)");
    await tx.query("create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())");
    const seen = new Set((await tx.query<{ name: string }>("select name from schema_migrations")).rows.map((r) => r.name));
    const applied: string[] = [];
    for (const f of files) {
      if (seen.has(f.name)) continue;
      for (const stmt of splitSql(f.sql)) await tx.query(stmt);
      await tx.query("insert into schema_migrations (name) values ($1)", [f.name]);
      applied.push(f.name);
    }
    return applied;
  });
}

/** Splits a migration into statements (no semicolons inside strings or bodies in our migrations). */
function splitSql(sql: string): string[] {
  return sql
    .split("\n")
    .filter((l) => !l.trim().startsWith("--"))
    .join("\n")
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
