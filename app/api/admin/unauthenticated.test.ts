import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAdminHarness, type AdminHarness } from "@/test-support/admin-harness";

// Every admin route file, found on disk (so a new one cannot be forgotten), called with every
// method it exports: without credentials, with a wrong token, with a forged cookie, and cross-site.
// Each must refuse with 401 or 403 and change nothing.

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const routeFiles = readdirSync(import.meta.dirname, { recursive: true, encoding: "utf8" })
  .filter((file) => path.basename(file) === "route.ts")
  .sort();

let harness: AdminHarness;

beforeAll(async () => {
  harness = await startAdminHarness({ rows: 200 });
});

afterAll(async () => {
  await harness.close();
});

const attempts: { name: string; headers: Record<string, string> }[] = [
  { name: "no credentials", headers: { origin: "http://localhost:3000" } },
  { name: "a wrong bearer token", headers: { origin: "http://localhost:3000", authorization: "Bearer not-the-admin-token" } },
  { name: "a malformed authorization header", headers: { authorization: "Basic YWRtaW46ZTJlLWFkbWluLXBhc3N3b3Jk" } },
  { name: "a forged session cookie", headers: { origin: "http://localhost:3000", cookie: "dvre_admin_session=eyJ2IjoxLCJzaWQiOiJ4In0.Zm9yZ2Vk" } },
  { name: "a cross-site origin", headers: { origin: "https://evil.example" } },
];

describe("every app/api/admin route refuses the unauthenticated", () => {
  it("finds the admin routes on disk", () => {
    expect(routeFiles).toEqual(
      expect.arrayContaining([
        "scrape-runs/route.ts",
        path.join("scrape-runs", "[id]", "route.ts"),
        path.join("scrape-runs", "[id]", "resume", "route.ts"),
        "sign-in/route.ts",
        "sign-out/route.ts",
      ]),
    );
  });

  it("answers 401 or 403 to every method of every route", async () => {
    let calls = 0;
    for (const file of routeFiles) {
      const module = (await import(/* @vite-ignore */ path.join(import.meta.dirname, file))) as Partial<Record<(typeof METHODS)[number], Handler>>;
      const exported = METHODS.filter((method) => typeof module[method] === "function");
      expect(exported.length, `${file} exports no handler`).toBeGreaterThan(0);
      for (const method of exported) {
        for (const attempt of attempts) {
          const hasBody = method !== "GET";
          const request = new Request(`http://localhost:3000/api/admin/${path.dirname(file).replaceAll("[id]", "1")}`, {
            method,
            headers: { host: "localhost:3000", "x-forwarded-for": `10.9.${calls % 250}.1`, "content-type": "application/json", ...attempt.headers },
            ...(hasBody ? { body: JSON.stringify({ password: "wrong password" }) } : {}),
          });
          const response = await module[method]!(request, { params: Promise.resolve({ id: "1" }) });
          expect([401, 403], `${method} ${file} with ${attempt.name} → ${response.status}`).toContain(response.status);
          expect(response.headers.get("content-type")).toBe("application/problem+json");
          expect(response.headers.get("set-cookie")).toBeNull();
          calls += 1;
        }
      }
    }
    expect(calls).toBeGreaterThanOrEqual(routeFiles.length * attempts.length);
    expect(await harness.db.prisma.scrapeRun.count()).toBe(0);
    // Only refusals are recorded: wrong passwords, wrong tokens, and requests with a session cookie that is not valid.
    const actions = await harness.db.prisma.auditLog.findMany({ select: { action: true, outcome: true } });
    const kinds = new Set(actions.map((entry) => `${entry.action} ${entry.outcome}`));
    expect([...kinds].sort()).toEqual(["admin-request refused", "api-token failed", "sign-in failed"]);
  });
});
