import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { adminSettings } from "./admin-settings";
import { authenticate } from "./authenticate";
import { SESSION_COOKIE } from "./session-cookie";
import { createSessionToken } from "./session-token";

const settings = adminSettings(
  parseConfig({ ADMIN_PASSWORD: "e2e-admin-password", SESSION_SECRET: "e2e-session-secret-at-least-32-characters-long", ADMIN_TOKEN: "e2e-admin-token" }),
);
const material = { sessionSecret: settings.sessionSecret!, password: settings.password! };
const now = Date.UTC(2026, 10, 28, 12);

function request(method: string, headers: Record<string, string>) {
  return { method, headers: new Headers({ host: "localhost:3000", ...headers }) };
}
const cookie = () => `${SESSION_COOKIE}=${createSessionToken(material, 3_600_000, now).token}`;

describe("authenticate", () => {
  it("accepts the bearer token, for reads and writes, without an Origin", () => {
    for (const method of ["GET", "POST", "DELETE"]) {
      const outcome = authenticate(request(method, { authorization: "Bearer e2e-admin-token" }), settings, now);
      expect(outcome).toEqual({ ok: true, actor: { kind: "token", label: "api token" } });
    }
  });

  it("refuses a wrong or malformed token with 401, even alongside a valid cookie", () => {
    for (const authorization of ["Bearer wrong-token", "Basic ZTJlOmFkbWlu", "Bearer", "e2e-admin-token"]) {
      const outcome = authenticate(request("GET", { authorization, cookie: cookie() }), settings, now);
      expect(outcome).toMatchObject({ ok: false, refusal: { status: 401 } });
    }
  });

  it("accepts a valid session cookie for reads", () => {
    const outcome = authenticate(request("GET", { cookie: cookie() }), settings, now);
    expect(outcome).toMatchObject({ ok: true, actor: { kind: "session", label: expect.stringMatching(/^admin session [A-Za-z0-9_-]{8}$/) } });
  });

  it("requires a same-origin request for writes with the cookie", () => {
    expect(authenticate(request("POST", { cookie: cookie(), origin: "http://localhost:3000" }), settings, now).ok).toBe(true);
    expect(authenticate(request("DELETE", { cookie: cookie(), origin: "https://evil.example" }), settings, now)).toMatchObject({
      ok: false,
      refusal: { status: 403, type: "/problems/cross-site-request" },
    });
    expect(authenticate(request("POST", { cookie: cookie() }), settings, now)).toMatchObject({ ok: false, refusal: { status: 403 } });
  });

  it("refuses no credentials, an expired session and a forged cookie with 401", () => {
    expect(authenticate(request("GET", {}), settings, now)).toMatchObject({ ok: false, refusal: { status: 401 } });
    expect(authenticate(request("GET", { cookie: cookie() }), settings, now + 2 * 3_600_000)).toMatchObject({ ok: false, refusal: { status: 401 } });
    expect(authenticate(request("GET", { cookie: `${SESSION_COOKIE}=eyJ2IjoxfQ.forged` }), settings, now)).toMatchObject({
      ok: false,
      refusal: { status: 401 },
    });
  });

  it("refuses everything with 403 when the admin area is off", () => {
    const off = adminSettings(parseConfig({}));
    expect(authenticate(request("GET", { authorization: "Bearer anything" }), off, now)).toMatchObject({
      ok: false,
      refusal: { status: 403, type: "/problems/admin-disabled" },
    });
  });

  it("with only a token configured, a cookie is not enough", () => {
    const tokenOnly = adminSettings(parseConfig({ ADMIN_TOKEN: "e2e-admin-token" }));
    expect(authenticate(request("GET", { cookie: cookie() }), tokenOnly, now)).toMatchObject({ ok: false, refusal: { status: 401 } });
  });
});
