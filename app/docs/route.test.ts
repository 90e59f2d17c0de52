import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET } from "./route";

describe("GET /docs", () => {
  it("loads the reference from our own origin only", async () => {
    const response = await GET();
    const html = await response.text();
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(response.headers.get("content-security-policy")).toContain("connect-src 'self'");
    expect(html).toContain('src="/vendor/scalar/standalone.js"');
    expect(html).toContain("/api/openapi.json");
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).not.toContain("fonts.scalar.com");
    expect(existsSync(path.join(import.meta.dirname, "..", "..", "public", "vendor", "scalar", "standalone.js"))).toBe(true);
  });
});
