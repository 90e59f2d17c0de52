import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

// The standalone output (`next build`), laid out as the Dockerfile lays it out and started with
// `node server.js`, for tests of the server as deployed. Builds first when the build is missing or
// older than the code (as scripts/standalone.test.ts does).

const root = path.join(import.meta.dirname, "..", "..");
const standalone = path.join(root, ".next", "standalone");
const BUILD_INPUTS = ["app", "lib", "public", "prisma/migrations", "proxy.ts", "instrumentation.ts", "next.config.mjs", "package-lock.json", "tsconfig.json", "postcss.config.mjs"];

function newestInput(entry: string): number {
  const full = path.join(root, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return /\.test\.ts$/.test(entry) ? 0 : stat.mtimeMs;
  return Math.max(0, ...readdirSync(full).filter((name) => name !== "testing").map((name) => newestInput(path.join(entry, name))));
}

export function ensureBuild(): void {
  const server = path.join(standalone, "server.js");
  if (existsSync(server) && statSync(server).mtimeMs >= Math.max(...BUILD_INPUTS.map(newestInput))) return;
  const build = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (build.status !== 0) throw new Error(`next build failed:\n${(build.stdout + build.stderr).slice(-4_000)}`);
}

/** The Dockerfile's web layout in a temporary directory: standalone output, .next/static and public beside server.js. */
export function assembleWeb(): { dir: string; remove: () => void } {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "dvre-web-")), "web");
  cpSync(standalone, dir, { recursive: true, verbatimSymlinks: true });
  cpSync(path.join(root, ".next", "static"), path.join(dir, ".next", "static"), { recursive: true });
  cpSync(path.join(root, "public"), path.join(dir, "public"), { recursive: true });
  return { dir, remove: () => rmSync(path.dirname(dir), { recursive: true, force: true }) };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export type StandaloneServer = { port: number; output: () => string; stop: () => Promise<void> };

/** Starts `node server.js` of an assembled web directory with exactly this environment (plus PATH), and waits for /api/health. */
export async function startStandalone(web: string, env: Record<string, string>): Promise<StandaloneServer> {
  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, [path.join(web, "server.js")], {
    cwd: tmpdir(),
    env: { PATH: process.env.PATH, NODE_ENV: "production", PORT: String(port), NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout!.on("data", (chunk) => (output += chunk));
  server.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise((resolve) => server.on("exit", resolve));
  await until(async () => {
    if (server.exitCode !== null) throw new Error(`server.js exited with ${server.exitCode}:\n${output}`);
    return fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
  }, "server.js to answer");
  return {
    port,
    output: () => output,
    stop: async () => {
      if (server.exitCode === null) {
        server.kill("SIGKILL");
        await exited;
      }
    },
  };
}
