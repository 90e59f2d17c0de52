import { describe, expect, it } from "vitest";
import { newNonce, pageContentSecurityPolicy, strictTransportSecurity } from "./security-headers";

describe("pageContentSecurityPolicy", () => {
  it("lets only scripts with this request's nonce run, and forbids framing", () => {
    const policy = pageContentSecurityPolicy("abc123");
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(pageContentSecurityPolicy("abc123", true)).toContain("'unsafe-eval'");
  });

  it("makes a new, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("strictTransportSecurity", () => {
  it("is sent only over HTTPS and when not switched off", () => {
    expect(strictTransportSecurity(true, 31_536_000)).toBe("max-age=31536000");
    expect(strictTransportSecurity(false, 31_536_000)).toBeNull();
    expect(strictTransportSecurity(true, 0)).toBeNull();
  });
});
