import { randomBytes } from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { WORK_DIR } from "./roll-rows";

// The servers under load, each its own process so its memory can be read from /proc: the app
// (Next's standalone build, copied aside so a rebuild elsewhere cannot change it mid-run) and
// the bare baseline server.

const PROJECT = path.resolve(import.meta.dirname, "..", "..", "..");

export type ServerProcess = { url: string; pid: number; child: ChildProcess; stop: () => Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** A copy of the current standalone build under /tmp (made once per build id). */
export async function standaloneSnapshot(maxWaitMs = 20 * 60_000): Promise<{ dir: string; buildId: string }> {
  const next = path.join(PROJECT, ".next");
  const deadline = Date.now() + maxWaitMs;
  // Another helper may be mid-build: wait for a complete one.
  while (!(existsSync(path.join(next, "BUILD_ID")) && existsSync(path.join(next, "standalone", "server.js")) && !existsSync(path.join(next, "lock")))) {
    if (Date.now() > deadline) throw new Error("no complete Next build in .next (run `npm run build`)");
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
  const buildId = readFileSync(path.join(next, "BUILD_ID"), "utf8").trim();
  const dir = path.join(WORK_DIR, `next-${buildId}`);
  if (!existsSync(path.join(dir, "server.js"))) {
    cpSync(path.join(next, "standalone"), dir, { recursive: true });
    cpSync(path.join(next, "static"), path.join(dir, ".next", "static"), { recursive: true });
    if (existsSync(path.join(PROJECT, "public"))) cpSync(path.join(PROJECT, "public"), path.join(dir, "public"), { recursive: true });
  }
  return { dir, buildId };
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`server at ${url} did not answer within ${timeoutMs} ms`);
}

function stopper(child: ChildProcess): () => Promise<void> {
  return async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };
}

function spawnServer(command: string, args: string[], cwd: string, env: Record<string, string>, log: string): ChildProcess {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  child.once("exit", (code, signal) => {
    if (code !== 0 && code !== 143 && code !== null && signal === null) process.stderr.write(`${log} exited with ${code}:\n${output}\n`);
  });
  return child;
}

/** The app's production server on a free port, rate limit out of the way, against `databaseUrl`. */
export async function startAppServer(databaseUrl: string): Promise<ServerProcess & { buildId: string }> {
  const { dir, buildId } = await standaloneSnapshot();
  const port = await freePort();
  const child = spawnServer(process.execPath, ["server.js"], dir, {
    NODE_ENV: "production",
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    DATABASE_URL: databaseUrl,
    RATE_LIMIT_PER_MINUTE: "1000000",
    RATE_LIMIT_EXPORTS_PER_MINUTE: "1000000",
    // Production refuses the built-in cursor key: a fresh one per benchmark.
    CURSOR_SECRET: randomBytes(24).toString("base64url"),
    LOG_LEVEL: "warn",
  }, "app server");
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/api/health`, child);
  return { url, pid: child.pid!, child, stop: stopper(child), buildId };
}

/** scripts/bench/bare-server.ts: the same SQL through pg on node:http, nothing else. */
export async function startBareServer(databaseUrl: string): Promise<ServerProcess> {
  const port = await freePort();
  // node --import tsx, not the tsx CLI: the CLI runs the script in a child, whose memory we want.
  const child = spawnServer(process.execPath, ["--import", "tsx", path.join(PROJECT, "scripts", "bench", "bare-server.ts"), String(port), databaseUrl], PROJECT, {}, "bare server");
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/health`, child);
  return { url, pid: child.pid!, child, stop: stopper(child) };
}
