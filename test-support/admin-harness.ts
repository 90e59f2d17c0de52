import { vi } from "vitest";
import type { Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import type { QueueWorker } from "@/lib/scheduler/queue-worker";
import { startSimulator, type Simulator } from "@/lib/simulator/server";

// Calls the admin route handlers in-process, the way Next would, against a fresh test database and
// a simulated site. The environment is set before the routes (and lib/config) are imported.

export const ADMIN_ENV = {
  ADMIN_PASSWORD: "e2e-admin-password",
  SESSION_SECRET: "e2e-session-secret-at-least-32-characters-long",
  ADMIN_TOKEN: "e2e-admin-token",
  ADMIN_SIGN_IN_MAX_FAILURES: "3",
  SCRAPE_DELAY_MS: "0",
  SCRAPE_CONCURRENCY: "2",
  SCRAPE_TIMEOUT_MS: "5000",
  SCRAPE_RETRIES: "1",
  LOG_LEVEL: "silent",
};

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", Handler>>;

export type AdminHarness = {
  db: Database;
  sim: Simulator;
  testDb: TestDatabase;
  /** Calls the route for `path` as from a browser on http://localhost:3000. */
  call: (method: string, path: string, init?: { headers?: Record<string, string>; body?: string | URLSearchParams }) => Promise<Response>;
  /** The worker (what the cron role runs) polling for queued runs; null with `worker: false`. */
  worker: QueueWorker | null;
  /** Starts a worker (again) after stopWorker(). */
  startWorker: () => Promise<void>;
  /** Stops the worker: a run in progress goes back to the queue. */
  stopWorker: () => Promise<void>;
  close: () => Promise<void>;
};

const ROUTES: { pattern: RegExp; module: string; params: (match: RegExpExecArray) => Record<string, string> }[] = [
  { pattern: /^\/api\/admin\/scrape-runs$/, module: "scrape-runs", params: () => ({}) },
  { pattern: /^\/api\/admin\/scrape-runs\/([^/]+)$/, module: "scrape-run", params: (m) => ({ id: m[1]! }) },
  { pattern: /^\/api\/admin\/scrape-runs\/([^/]+)\/resume$/, module: "resume", params: (m) => ({ id: m[1]! }) },
  { pattern: /^\/api\/admin\/sign-in$/, module: "sign-in", params: () => ({}) },
  { pattern: /^\/api\/admin\/sign-out$/, module: "sign-out", params: () => ({}) },
  { pattern: /^\/api\/admin\/data-health$/, module: "data-health", params: () => ({}) },
  { pattern: /^\/api\/admin\/rolls$/, module: "rolls", params: () => ({}) },
  { pattern: /^\/api\/admin\/rolls\/([^/]+)$/, module: "roll", params: (m) => ({ id: m[1]! }) },
  { pattern: /^\/api\/admin\/sessions$/, module: "sessions", params: () => ({}) },
  { pattern: /^\/api\/admin\/sessions\/([^/]+)$/, module: "session", params: (m) => ({ id: m[1]! }) },
  { pattern: /^\/api\/admin\/owner-suppressions$/, module: "owner-suppressions", params: () => ({}) },
  { pattern: /^\/api\/admin\/objection-facts$/, module: "objection-facts", params: () => ({}) },
  { pattern: /^\/api\/admin\/owner-suppressions\/([^/]+)$/, module: "owner-suppression", params: (m) => ({ id: m[1]! }) },
];

export async function startAdminHarness(options: { rows?: number; env?: Record<string, string>; worker?: boolean } = {}): Promise<AdminHarness> {
  const testDb = await createTestDatabase();
  const sim = await startSimulator({ rows: options.rows ?? 1_500, seed: 5 });
  Object.assign(process.env, ADMIN_ENV, { VALUATION_BASE_URL: sim.url, DATABASE_URL: testDb.url }, options.env ?? {});
  vi.resetModules();
  const cache = globalThis as { __database?: Database; __adminSignInThrottle?: unknown };
  delete cache.__database;
  delete cache.__adminSignInThrottle;
  const modules: Record<string, RouteModule> = {
    "scrape-runs": (await import("@/app/api/admin/scrape-runs/route")) as unknown as RouteModule,
    "scrape-run": (await import("@/app/api/admin/scrape-runs/[id]/route")) as unknown as RouteModule,
    resume: (await import("@/app/api/admin/scrape-runs/[id]/resume/route")) as unknown as RouteModule,
    "sign-in": (await import("@/app/api/admin/sign-in/route")) as unknown as RouteModule,
    "sign-out": (await import("@/app/api/admin/sign-out/route")) as unknown as RouteModule,
    "data-health": (await import("@/app/api/admin/data-health/route")) as unknown as RouteModule,
    rolls: (await import("@/app/api/admin/rolls/route")) as unknown as RouteModule,
    roll: (await import("@/app/api/admin/rolls/[id]/route")) as unknown as RouteModule,
    sessions: (await import("@/app/api/admin/sessions/route")) as unknown as RouteModule,
    session: (await import("@/app/api/admin/sessions/[id]/route")) as unknown as RouteModule,
    "owner-suppressions": (await import("@/app/api/admin/owner-suppressions/route")) as unknown as RouteModule,
    "owner-suppression": (await import("@/app/api/admin/owner-suppressions/[id]/route")) as unknown as RouteModule,
    "objection-facts": (await import("@/app/api/admin/objection-facts/route")) as unknown as RouteModule,
  };
  const client = await import("@/lib/db/client");
  const { startQueueWorker } = await import("@/lib/scheduler/queue-worker");
  const { scrapeOptionsForRoll } = await import("@/lib/rolls/roll-scrape-options");
  const { createLogger } = await import("@/lib/log");
  const db = client.database();
  // The worker gets its own pool, as the cron role has its own process.
  const workerDb = client.createDatabase(testDb.url, 4);
  const startWorker = async () => {
    harness.worker ??= startQueueWorker({
      db: workerDb,
      pollMs: 200,
      politeness: (roll) => scrapeOptionsForRoll(workerDb, { roll, trigger: "admin" }),
      log: createLogger({ component: "worker" }, { level: "silent" }),
    });
  };
  const stopWorker = async () => {
    await harness.worker?.stop();
    harness.worker = null;
  };

  async function call(method: string, path: string, init: { headers?: Record<string, string>; body?: string | URLSearchParams } = {}): Promise<Response> {
    const url = new URL(path, "http://localhost:3000");
    const route = ROUTES.map((r) => ({ r, match: r.pattern.exec(url.pathname) })).find((entry) => entry.match);
    if (!route?.match) throw new Error(`no admin route for ${url.pathname}`);
    const handler = modules[route.r.module]![method as keyof RouteModule];
    if (!handler) return new Response(null, { status: 405 });
    const request = new Request(url, {
      method,
      headers: { host: "localhost:3000", "x-forwarded-for": "127.0.0.1", ...init.headers },
      ...(init.body === undefined ? {} : { body: init.body }),
    });
    return handler(request, { params: Promise.resolve(route.r.params(route.match)) });
  }

  const harness: AdminHarness = {
    db,
    sim,
    testDb,
    call,
    worker: null,
    startWorker,
    stopWorker,
    close: async () => {
      await stopWorker();
      await client.closeDatabase(workerDb);
      await client.closeDatabase(db);
      delete cache.__database;
      await testDb.drop();
      await sim.close();
    },
  };
  if (options.worker !== false) await startWorker();
  return harness;
}
