import { readFileSync } from "node:fs";
import path from "node:path";
import { vi } from "vitest";
import { createOpenApiValidator } from "@/lib/openapi/testing/openapi-validator";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import type { Pool } from "pg";
import type { Database } from "@/lib/db/client";

// Calls the API's route handlers in-process against a fresh test database, the way Next would,
// and checks every answer against the committed public/openapi.json.

export type Answer = { status: number; headers: Headers; text: string; json: <T = unknown>() => T };

type RouteModule = { GET: (request: Request, context: never) => Promise<Response> };

export type ApiHarness = {
  db: Database;
  testDb: TestDatabase;
  get: (pathAndQuery: string, headers?: HeadersInit) => Promise<Answer>;
  /** The raw Response (for streaming tests); not validated. */
  fetchRaw: (pathAndQuery: string, init?: RequestInit) => Promise<Response>;
  close: () => Promise<void>;
};

const documentPath = path.join(import.meta.dirname, "..", "public", "openapi.json");

/**
 * Creates the database, points DATABASE_URL (and any `env` given) at it, and loads the routes
 * afresh so lib/config reads that environment.
 */
export async function startApiHarness(env: Record<string, string> = {}): Promise<ApiHarness> {
  const testDb = await createTestDatabase();
  Object.assign(process.env, { ...env, DATABASE_URL: testDb.url });
  vi.resetModules();
  const cache = globalThis as { __database?: Database; __apiRateLimiter?: unknown; __exportPool?: Pool; __exportSlots?: unknown };
  delete cache.__database;
  delete cache.__apiRateLimiter;
  delete cache.__exportPool;
  delete cache.__exportSlots;
  const client = await import("@/lib/db/client");
  const routes: Record<string, RouteModule> = {
    list: (await import("@/app/api/valuations/route")) as unknown as RouteModule,
    detail: (await import("@/app/api/valuations/[rateNumber]/route")) as unknown as RouteModule,
    suburbs: (await import("@/app/api/suburbs/route")) as unknown as RouteModule,
    stats: (await import("@/app/api/stats/route")) as unknown as RouteModule,
    feeds: (await import("@/app/api/feeds/route")) as unknown as RouteModule,
    comparables: (await import("@/app/api/valuations/[rateNumber]/comparables/route")) as unknown as RouteModule,
    health: (await import("@/app/api/health/route")) as unknown as RouteModule,
    openapi: (await import("@/app/api/openapi.json/route")) as unknown as RouteModule,
    changes: (await import("@/app/api/changes/route")) as unknown as RouteModule,
    unlinked: (await import("@/app/api/rolls/[roll]/unlinked/route")) as unknown as RouteModule,
  };
  const validate = createOpenApiValidator(JSON.parse(readFileSync(documentPath, "utf8")));

  async function fetchRaw(pathAndQuery: string, init: RequestInit = {}): Promise<Response> {
    const request = new Request(`http://localhost${pathAndQuery}`, init);
    const { pathname } = new URL(request.url);
    const comparables = /^\/api\/valuations\/([^/]+)\/comparables$/.exec(pathname);
    if (comparables?.[1] !== undefined) {
      return routes.comparables!.GET(request, { params: Promise.resolve({ rateNumber: decodeURIComponent(comparables[1]) }) } as never);
    }
    const detail = /^\/api\/valuations\/([^/]+)$/.exec(pathname);
    if (detail?.[1] !== undefined) {
      const rateNumber = decodeURIComponent(detail[1]);
      return routes.detail!.GET(request, { params: Promise.resolve({ rateNumber }) } as never);
    }
    const unlinked = /^\/api\/rolls\/([^/]+)\/unlinked$/.exec(pathname);
    if (unlinked?.[1] !== undefined) {
      const roll = decodeURIComponent(unlinked[1]);
      return routes.unlinked!.GET(request, { params: Promise.resolve({ roll }) } as never);
    }
    const name = { "/api/changes": "changes", "/api/valuations": "list", "/api/suburbs": "suburbs", "/api/stats": "stats", "/api/feeds": "feeds", "/api/health": "health", "/api/openapi.json": "openapi" }[pathname];
    if (!name) throw new Error(`no route for ${pathname}`);
    return routes[name]!.GET(request, {} as never);
  }

  async function get(pathAndQuery: string, headers: HeadersInit = {}): Promise<Answer> {
    const response = await fetchRaw(pathAndQuery, { headers });
    const text = await response.text();
    const { pathname } = new URL(`http://localhost${pathAndQuery}`);
    const problems = validate({ path: pathname, method: "GET", status: response.status, contentType: response.headers.get("content-type"), body: text });
    if (problems.length > 0) {
      throw new Error(`GET ${pathAndQuery} → ${response.status} breaks public/openapi.json:\n${problems.slice(0, 10).join("\n")}`);
    }
    return { status: response.status, headers: response.headers, text, json: <T>() => JSON.parse(text) as T };
  }

  const db = client.database();
  return {
    db,
    testDb,
    get,
    fetchRaw,
    close: async () => {
      await client.closeDatabase(db);
      await cache.__exportPool?.end().catch(() => {});
      delete cache.__database;
      delete cache.__exportPool;
      await testDb.drop();
    },
  };
}
