import { ApiError, notFound } from "./problem";

// Every /api route and the methods its route.ts exports (api-routes.test.ts checks this list against
// the files). Next answers a method a route does not export with an empty 405: the proxy (proxy.ts)
// answers it as problem+json with Allow instead. A path this list does not know goes on to Next,
// which routes it to its handler or to app/api/[[...path]] (a problem+json 404), so a route missing
// from the list still works; only its wrong methods get Next's bare 405.

export const API_ROUTES: readonly { path: string; methods: readonly string[] }[] = [
  { path: "/api/admin/data-health", methods: ["GET"] },
  { path: "/api/admin/objection-facts", methods: ["GET", "PUT", "DELETE"] },
  { path: "/api/admin/owner-suppressions", methods: ["GET", "POST"] },
  { path: "/api/admin/owner-suppressions/[id]", methods: ["DELETE"] },
  { path: "/api/admin/rolls", methods: ["GET", "POST"] },
  { path: "/api/admin/rolls/[id]", methods: ["PATCH"] },
  { path: "/api/admin/scrape-runs", methods: ["GET", "POST"] },
  { path: "/api/admin/scrape-runs/[id]", methods: ["GET", "DELETE"] },
  { path: "/api/admin/scrape-runs/[id]/resume", methods: ["POST"] },
  { path: "/api/admin/sessions", methods: ["GET"] },
  { path: "/api/admin/sessions/[id]", methods: ["DELETE"] },
  { path: "/api/admin/sign-in", methods: ["POST"] },
  { path: "/api/admin/sign-out", methods: ["POST"] },
  { path: "/api/admin/site-probes", methods: ["GET", "POST"] },
  { path: "/api/changes", methods: ["GET", "OPTIONS"] },
  { path: "/api/feeds", methods: ["GET", "OPTIONS"] },
  { path: "/api/health", methods: ["GET"] },
  { path: "/api/openapi.json", methods: ["GET", "OPTIONS"] },
  { path: "/api/ready", methods: ["GET"] },
  { path: "/api/rolls/[roll]/unlinked", methods: ["GET", "OPTIONS"] },
  { path: "/api/stats", methods: ["GET", "OPTIONS"] },
  { path: "/api/suburbs", methods: ["GET", "OPTIONS"] },
  { path: "/api/valuations", methods: ["GET", "OPTIONS"] },
  { path: "/api/valuations/[rateNumber]", methods: ["GET", "OPTIONS"] },
  { path: "/api/valuations/[rateNumber]/comparables", methods: ["GET", "OPTIONS"] },
];

const matchers = API_ROUTES.map((route) => ({
  regex: new RegExp(`^${route.path.replace(/\./g, "\\.").replace(/\[[^\]/]+\]/g, "[^/]+")}/?$`),
  // Next answers HEAD with GET, and OPTIONS itself, when a route does not export them.
  allow: [...new Set([...route.methods, ...(route.methods.includes("GET") ? ["HEAD"] : []), "OPTIONS"])].sort(),
}));

/** The methods the route at `pathname` takes, or null when the path is not a route of the list. */
export function allowedMethods(pathname: string): string[] | null {
  return matchers.find((matcher) => matcher.regex.test(pathname))?.allow ?? null;
}

export function methodNotAllowed(pathname: string, method: string, allow: readonly string[]): Response {
  const detail = `${pathname} does not take ${method.toUpperCase()}; it takes ${allow.join(", ")}.`;
  return new ApiError({ type: "/problems/method-not-allowed", title: "Method not allowed", status: 405, detail }, { Allow: allow.join(", ") }).toResponse(method);
}

export function apiNotFound(pathname: string, method: string): Response {
  const detail = `There is no API endpoint at ${pathname}. The API is described at /api/openapi.json.`;
  return notFound(detail).toResponse(method);
}
