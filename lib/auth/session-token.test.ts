import { describe, expect, it } from "vitest";
import { createSessionToken, readSessionToken } from "./session-token";

const material = { sessionSecret: "s".repeat(32), password: "e2e-admin-password" };
const hour = 3_600_000;
const now = Date.UTC(2026, 10, 28, 10, 0, 0);

describe("session tokens", () => {
  it("round-trips a session until it expires", () => {
    const { token, session } = createSessionToken(material, 8 * hour, now);
    expect(readSessionToken(token, material, now)).toEqual(session);
    expect(readSessionToken(token, material, now + 8 * hour - 1_000)).toEqual(session);
    expect(readSessionToken(token, material, now + 8 * hour)).toBeNull();
    expect(session.expiresAt - session.issuedAt).toBe(8 * 3_600);
  });

  it("gives every session its own id", () => {
    expect(createSessionToken(material, hour, now).session.id).not.toBe(createSessionToken(material, hour, now).session.id);
  });

  it("refuses a token whose payload was altered", () => {
    const { token } = createSessionToken(material, hour, now);
    const [, signature] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ v: 1, sid: "a".repeat(16), iat: now / 1000, exp: now / 1000 + 10 * 365 * 86_400 })).toString("base64url");
    expect(readSessionToken(`${forged}.${signature}`, material, now)).toBeNull();
  });

  it("refuses tokens signed with another secret or for another password", () => {
    const { token } = createSessionToken(material, hour, now);
    expect(readSessionToken(token, { ...material, sessionSecret: "t".repeat(32) }, now)).toBeNull();
    expect(readSessionToken(token, { ...material, password: "a-new-password" }, now)).toBeNull();
  });

  it("refuses malformed tokens", () => {
    for (const token of ["", ".", "abc", "a.b.c", "x".repeat(600), `${Buffer.from("not json").toString("base64url")}.sig`]) {
      expect(readSessionToken(token, material, now)).toBeNull();
    }
  });

  it("refuses a token issued too far in the future", () => {
    const { token } = createSessionToken(material, hour, now + 10 * 60_000);
    expect(readSessionToken(token, material, now)).toBeNull();
  });
});
