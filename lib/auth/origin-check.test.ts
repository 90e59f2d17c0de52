import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "./origin-check";

const headers = (entries: Record<string, string>) => new Headers(entries);

describe("isSameOriginRequest", () => {
  it("accepts a request whose Origin is this host", () => {
    expect(isSameOriginRequest(headers({ host: "localhost:3000", origin: "http://localhost:3000" }))).toBe(true);
    expect(isSameOriginRequest(headers({ host: "valuations.example.org", origin: "https://valuations.example.org" }))).toBe(true);
  });

  it("refuses another site, another port and the opaque origin", () => {
    expect(isSameOriginRequest(headers({ host: "localhost:3000", origin: "https://evil.example" }))).toBe(false);
    expect(isSameOriginRequest(headers({ host: "localhost:3000", origin: "http://localhost:4000" }))).toBe(false);
    expect(isSameOriginRequest(headers({ host: "localhost:3000", origin: "null" }))).toBe(false);
  });

  it("without an Origin, trusts only Sec-Fetch-Site: same-origin", () => {
    expect(isSameOriginRequest(headers({ host: "localhost:3000" }))).toBe(false);
    expect(isSameOriginRequest(headers({ host: "localhost:3000", "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOriginRequest(headers({ host: "localhost:3000", "sec-fetch-site": "cross-site" }))).toBe(false);
  });

  it("accepts configured origins and the host a proxy forwarded", () => {
    expect(isSameOriginRequest(headers({ host: "web:3000", origin: "https://admin.example.org" }), ["https://admin.example.org"])).toBe(true);
    expect(isSameOriginRequest(headers({ host: "web:3000", "x-forwarded-host": "valuations.example.org", origin: "https://valuations.example.org" }))).toBe(
      true,
    );
    expect(isSameOriginRequest(headers({ host: "web:3000", origin: "https://admin.example.org" }))).toBe(false);
  });
});
