import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import type { ValuationList } from "@/lib/valuations/valuation-schema";
import { freePort } from "./testing/standalone-server";

// The README's first command, `npm run demo`, as a newcomer runs it: database, simulated site,
// scrape, then the app (`next start`, so production settings apply) and the worker. It runs on a
// database of its own here (DATABASE_URL), with a small roll. Needs `next build` (scripts/test.sh
// builds first; without a build the demo builds the app itself).

const root = path.join(import.meta.dirname, "..");
let testDb: TestDatabase;
let demo: ChildProcess;
let output = "";
let appUrl: string;
let password: string;

async function until<T>(probe: () => Promise<T | null>, what: string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (demo.exitCode !== null) throw new Error(`the demo exited (${demo.exitCode}) before ${what}:\n${output.slice(-3_000)}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${output.slice(-3_000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  const [port, simulatorPort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: testDb.url, NEXT_TELEMETRY_DISABLED: "1" };
  for (const name of ["CURSOR_SECRET", "ADMIN_PASSWORD", "SESSION_SECRET", "ADMIN_TOKEN", "NODE_ENV"]) delete env[name];
  demo = spawn(process.execPath, ["--import", "tsx", "scripts/demo.ts", "--rows", "1500", "--port", String(port), "--simulator-port", String(simulatorPort)], {
    cwd: root,
    env,
    detached: true,
  });
  demo.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  demo.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  password = await until(async () => /one-time password for this run: (\S+)/.exec(output)?.[1] ?? null, "the admin password", 240_000);
  appUrl = `http://127.0.0.1:${port}`;
  await until(async () => ((await fetch(`${appUrl}/api/health`)).ok ? true : null), "the app to answer", 120_000);
}, 400_000);

afterAll(async () => {
  if (demo?.pid && demo.exitCode === null) {
    const exited = new Promise((resolve) => demo.once("exit", resolve));
    process.kill(-demo.pid, "SIGINT");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
    if (demo.exitCode === null) process.kill(-demo.pid, "SIGKILL");
  }
  await testDb?.drop();
}, 60_000);

describe("npm run demo", () => {
  it("serves the scraped roll, pages through it and signs in with the one-time password", async () => {
    expect(output).toMatch(/Run #\d+ succeeded/);
    const home = await fetch(`${appUrl}/`);
    expect(home.status).toBe(200);

    const first = await fetch(`${appUrl}/api/valuations?limit=5`);
    expect(first.status).toBe(200);
    const page = (await first.json()) as ValuationList;
    expect(page.data).toHaveLength(5);
    expect(page.next).not.toBeNull();
    const second = await fetch(new URL(page.next!, appUrl));
    expect(second.status).toBe(200);
    const next = (await second.json()) as ValuationList;
    expect(next.data.map((row) => row.rateNumber)).not.toContain(page.data[0]!.rateNumber);

    const signIn = await fetch(`${appUrl}/api/admin/sign-in`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: appUrl },
      body: JSON.stringify({ password }),
    });
    expect(signIn.status).toBe(200);
    expect(signIn.headers.get("set-cookie")).toMatch(/HttpOnly/i);
  });
});
