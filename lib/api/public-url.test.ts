import { describe, expect, it } from "vitest";
import { publicLink, publicOrigin, servedOverHttps } from "./public-url";

const proxied = new Headers({ host: "0.0.0.0:3000", "x-forwarded-proto": "https", "x-forwarded-host": "valuations.example.org" });

describe("publicOrigin", () => {
  it("is PUBLIC_URL when set, whatever the headers say", () => {
    expect(publicOrigin(proxied, { publicUrl: "https://roll.example.net", trustedHops: 1 })).toBe("https://roll.example.net");
    expect(publicOrigin(new Headers(), { publicUrl: "http://roll.example.net:8080", trustedHops: 0 })).toBe("http://roll.example.net:8080");
  });

  it("believes forwarded headers only from a trusted proxy", () => {
    expect(publicOrigin(proxied, { publicUrl: undefined, trustedHops: 1 })).toBe("https://valuations.example.org");
    expect(publicOrigin(proxied, { publicUrl: undefined, trustedHops: 0 })).toBeNull();
  });

  it("takes the value the outermost trusted proxy wrote when proxies append", () => {
    const appended = new Headers({ "x-forwarded-proto": "http, https", "x-forwarded-host": "evil.example, valuations.example.org" });
    expect(publicOrigin(appended, { publicUrl: undefined, trustedHops: 1 })).toBe("https://valuations.example.org");
  });

  it("is null (relative links) for missing or malformed forwarded headers, never the bind address", () => {
    const settings = { publicUrl: undefined, trustedHops: 1 };
    expect(publicOrigin(new Headers({ host: "0.0.0.0:3000" }), settings)).toBeNull();
    expect(publicOrigin(new Headers({ "x-forwarded-proto": "javascript", "x-forwarded-host": "x.example" }), settings)).toBeNull();
    expect(publicOrigin(new Headers({ "x-forwarded-proto": "https", "x-forwarded-host": "x.example/path" }), settings)).toBeNull();
    expect(publicOrigin(new Headers({ "x-forwarded-proto": "https", "x-forwarded-host": "[::1]:8443" }), settings)).toBe("https://[::1]:8443");
  });
});

describe("publicLink and servedOverHttps", () => {
  it("makes a path absolute only when the origin is known", () => {
    expect(publicLink(proxied, "/api/valuations?cursor=x", { publicUrl: undefined, trustedHops: 1 })).toBe("https://valuations.example.org/api/valuations?cursor=x");
    expect(publicLink(proxied, "/api/valuations?cursor=x", { publicUrl: undefined, trustedHops: 0 })).toBe("/api/valuations?cursor=x");
  });

  it("says HTTPS from PUBLIC_URL's scheme or a trusted X-Forwarded-Proto", () => {
    expect(servedOverHttps(new Headers(), { publicUrl: "https://roll.example.net", trustedHops: 0 })).toBe(true);
    expect(servedOverHttps(proxied, { publicUrl: undefined, trustedHops: 1 })).toBe(true);
    expect(servedOverHttps(proxied, { publicUrl: undefined, trustedHops: 0 })).toBe(false);
    expect(servedOverHttps(proxied, { publicUrl: "http://roll.example.net", trustedHops: 1 })).toBe(false);
  });
});
