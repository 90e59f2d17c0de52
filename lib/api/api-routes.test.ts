import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_ROUTES, apiRouteProblem, checkApiRoute } from "./api-routes";

const apiDir = path.join(import.meta.dirname, "..", "..", "app", "api");

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
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

describe("checkApiRoute", () => {
  it("passes the methods a route takes, HEAD with GET, and OPTIONS always", () => {
    expect(checkApiRoute("/api/valuations", "GET")).toEqual({ kind: "ok" });
    expect(checkApiRoute("/api/valuations/96251534", "HEAD")).toEqual({ kind: "ok" });
    expect(checkApiRoute("/api/admin/sign-in", "OPTIONS")).toEqual({ kind: "ok" });
    expect(checkApiRoute("/api/admin/scrape-runs/12/resume", "post")).toEqual({ kind: "ok" });
  });

  it("says which methods a route takes when it does not take this one", () => {
    expect(checkApiRoute("/api/valuations", "POST")).toEqual({ kind: "method-not-allowed", allow: ["GET", "HEAD", "OPTIONS"] });
    expect(checkApiRoute("/api/admin/sign-in", "GET")).toEqual({ kind: "method-not-allowed", allow: ["OPTIONS", "POST"] });
  });

  it("knows no other path, a dot in openapi.json included", () => {
    expect(checkApiRoute("/api/nothing", "GET")).toEqual({ kind: "not-found" });
    expect(checkApiRoute("/api/valuations/1/2", "GET")).toEqual({ kind: "not-found" });
    expect(checkApiRoute("/api/openapiXjson", "GET")).toEqual({ kind: "not-found" });
    expect(checkApiRoute("/api", "GET")).toEqual({ kind: "not-found" });
  });
});

describe("apiRouteProblem", () => {
  it("answers 404 and 405 as problem+json, the 405 with Allow", async () => {
    const notFound = apiRouteProblem({ kind: "not-found" }, "/api/nothing", "GET");
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get("content-type")).toBe("application/problem+json");
    expect(await notFound.json()).toMatchObject({ type: "/problems/not-found", status: 404 });
    const notAllowed = apiRouteProblem({ kind: "method-not-allowed", allow: ["GET", "HEAD", "OPTIONS"] }, "/api/valuations", "delete");
    expect(notAllowed.status).toBe(405);
    expect(notAllowed.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(await notAllowed.json()).toMatchObject({ type: "/problems/method-not-allowed", status: 405, detail: "/api/valuations does not take DELETE; it takes GET, HEAD, OPTIONS." });
  });
});
