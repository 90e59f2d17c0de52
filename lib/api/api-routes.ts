import { PROBLEM_CONTENT_TYPE } from "./problem";

// Every /api route and the methods its route.ts exports (api-routes.test.ts checks this list against
// the files). Next answers an unknown /api path with its HTML 404 page and a method a route does
// not export with an empty 405; the proxy (proxy.ts) answers both as problem+json instead, with
// Allow on the 405.

export const API_ROUTES: readonly { path: string; methods: readonly string[] }[] = [
  { path: "/api/admin/data-health", methods: ["GET"] },
  { path: "/api/admin/scrape-runs", methods: ["GET", "POST"] },
  { path: "/api/admin/scrape-runs/[id]", methods: ["GET", "DELETE"] },
  { path: "/api/admin/scrape-runs/[id]/resume", methods: ["POST"] },
  { path: "/api/admin/sessions", methods: ["GET"] },
  { path: "/api/admin/sessions/[id]", methods: ["DELETE"] },
  { path: "/api/admin/sign-in", methods: ["POST"] },
  { path: "/api/admin/sign-out", methods: ["POST"] },
  { path: "/api/health", methods: ["GET"] },
  { path: "/api/openapi.json", methods: ["GET"] },
  { path: "/api/ready", methods: ["GET"] },
  { path: "/api/stats", methods: ["GET", "OPTIONS"] },
  { path: "/api/suburbs", methods: ["GET", "OPTIONS"] },
  { path: "/api/valuations", methods: ["GET", "OPTIONS"] },
  { path: "/api/valuations/[rateNumber]", methods: ["GET", "OPTIONS"] },
];

const matchers = API_ROUTES.map((route) => ({
  regex: new RegExp(`^${route.path.replace(/\./g, "\\.").replace(/\[[^\]/]+\]/g, "[^/]+")}/?$`),
  // Next answers HEAD with GET, and OPTIONS itself, when a route does not export them.
  allow: [...new Set([...route.methods, ...(route.methods.includes("GET") ? ["HEAD"] : []), "OPTIONS"])].sort(),
}));

export type ApiRouteCheck = { kind: "ok" } | { kind: "not-found" } | { kind: "method-not-allowed"; allow: string[] };

export function checkApiRoute(pathname: string, method: string): ApiRouteCheck {
  const route = matchers.find((matcher) => matcher.regex.test(pathname));
  if (!route) return { kind: "not-found" };
  return route.allow.includes(method.toUpperCase()) ? { kind: "ok" } : { kind: "method-not-allowed", allow: route.allow };
}

/** The problem+json answer for a failed check (made here rather than with problemResponse: the proxy wants plain Response objects). */
export function apiRouteProblem(check: Exclude<ApiRouteCheck, { kind: "ok" }>, pathname: string, method: string): Response {
  const problem =
    check.kind === "not-found"
      ? { type: "/problems/not-found", title: "Not found", status: 404, detail: `There is no API endpoint at ${pathname}. The API is described at /api/openapi.json.` }
      : { type: "/problems/method-not-allowed", title: "Method not allowed", status: 405, detail: `${pathname} does not take ${method.toUpperCase()}; it takes ${check.allow.join(", ")}.` };
  const headers: Record<string, string> = { "Content-Type": PROBLEM_CONTENT_TYPE, "Cache-Control": "no-store" };
  if (check.kind === "method-not-allowed") headers.Allow = check.allow.join(", ");
  return new Response(method.toUpperCase() === "HEAD" ? null : JSON.stringify(problem), { status: problem.status, headers });
}
