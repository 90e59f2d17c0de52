import { describe, expect, it } from "vitest";
import { SESSION_COOKIE, clearedSessionCookie, isLocalHost, readCookie, sessionCookie } from "./session-cookie";

describe("session cookie", () => {
  it("is httpOnly, SameSite=Strict, with a lifetime, and Secure when asked", () => {
    expect(sessionCookie("tok.sig", { maxAgeSeconds: 28_800, secure: true })).toBe(
      `${SESSION_COOKIE}=tok.sig; Path=/; Max-Age=28800; HttpOnly; SameSite=Strict; Secure`,
    );
    expect(sessionCookie("tok.sig", { maxAgeSeconds: 60, secure: false })).not.toContain("Secure");
  });

  it("is cleared with Max-Age=0", () => {
    expect(clearedSessionCookie({ secure: true })).toBe(`${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict; Secure`);
  });

  it("knows localhost addresses, with or without a port", () => {
    for (const host of ["localhost", "localhost:3000", "127.0.0.1:3100", "[::1]:3000", "admin.localhost"]) expect(isLocalHost(host)).toBe(true);
    for (const host of ["valuations.example.org", "localhost.example.org", "10.0.0.5:3000", null]) expect(isLocalHost(host)).toBe(false);
  });

  it("reads one cookie out of a Cookie header", () => {
    expect(readCookie(`a=1; ${SESSION_COOKIE}=abc.def; b=2`, SESSION_COOKIE)).toBe("abc.def");
    expect(readCookie("a=1; b=2", SESSION_COOKIE)).toBeNull();
    expect(readCookie(null, SESSION_COOKIE)).toBeNull();
    expect(readCookie(`x${SESSION_COOKIE}=no`, SESSION_COOKIE)).toBeNull();
  });
});
