import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allowedMethods, API_ROUTES, apiNotFound, methodNotAllowed } from "./api-routes";

const apiDir = path.join(import.meta.dirname, "..", "..", "app", "api");

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "[[...path]]") return []; // the catch-all 404, not an endpoint
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

describe("API_ROUTES", () => {
  it("lists every app/api route.ts with exactly the methods it exports", () => {
    const onDisk = routeFiles(apiDir).map((file) => {
      const source = readFileSync(file, "utf8");
      const methods = [...source.matchAll(/export\s+(?:async\s+function|function|const)\s+(GET|POST|PUT|PATCH|DELETE|OPTIONS|HEAD)\b/g)].map((m) => m[1]!);
      return { path: `/api/${path.relative(apiDir, path.dirname(file)).split(path.sep).join("/")}`, methods: methods.sort() };
    });
    const sorted = (routes: readonly { path: string; methods: readonly string[] }[]) =>
      [...routes].map((route) => ({ path: route.path, methods: [...route.methods].sort() })).sort((a, b) => a.path.localeCompare(b.path));
    expect(sorted(API_ROUTES)).toEqual(sorted(onDisk));
  });
});

describe("allowedMethods", () => {
  it("lists the methods a route takes, HEAD with GET, and OPTIONS always", () => {
    expect(allowedMethods("/api/valuations")).toEqual(["GET", "HEAD", "OPTIONS"]);
    expect(allowedMethods("/api/valuations/96251534")).toEqual(["GET", "HEAD", "OPTIONS"]);
    expect(allowedMethods("/api/admin/sign-in")).toEqual(["OPTIONS", "POST"]);
    expect(allowedMethods("/api/admin/scrape-runs/12")).toEqual(["DELETE", "GET", "HEAD", "OPTIONS"]);
  });

  it("knows no other path, a dot in openapi.json included", () => {
    expect(allowedMethods("/api/nothing")).toBeNull();
    expect(allowedMethods("/api/valuations/1/2")).toBeNull();
    expect(allowedMethods("/api/openapiXjson")).toBeNull();
    expect(allowedMethods("/api")).toBeNull();
  });
});

describe("the problem answers", () => {
  it("answers 404 and 405 as problem+json, the 405 with Allow, HEAD without a body", async () => {
    const notFound = apiNotFound("/api/nothing", "GET");
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get("content-type")).toBe("application/problem+json");
    expect(await notFound.json()).toMatchObject({ type: "/problems/not-found", status: 404 });
    const notAllowed = methodNotAllowed("/api/valuations", "delete", ["GET", "HEAD", "OPTIONS"]);
    expect(notAllowed.status).toBe(405);
    expect(notAllowed.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(await notAllowed.json()).toMatchObject({ type: "/problems/method-not-allowed", status: 405, detail: "/api/valuations does not take DELETE; it takes GET, HEAD, OPTIONS." });
    expect(await apiNotFound("/api/nothing", "HEAD").text()).toBe("");
  });
});
