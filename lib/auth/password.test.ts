import { describe, expect, it } from "vitest";
import { hashPassword, parseScryptHash, verifyPassword } from "./password";

const cheap = { N: 1_024, r: 8, p: 1 };

describe("hashPassword / verifyPassword", () => {
  it("writes the documented format and verifies against it", async () => {
    const hash = await hashPassword("correct horse battery staple", cheap);
    expect(hash).toMatch(/^scrypt:1024:8:1:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]{86}$/);
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same password", cheap)).not.toBe(await hashPassword("same password", cheap));
  });

  it("uses a strong cost by default", async () => {
    const hash = await hashPassword("default cost password");
    expect(parseScryptHash(hash)).toMatchObject({ N: 32_768, r: 8, p: 1 });
    expect(await verifyPassword("default cost password", hash)).toBe(true);
  });

  it("compares a plain configured password exactly", async () => {
    expect(await verifyPassword("e2e-admin-password", "e2e-admin-password")).toBe(true);
    expect(await verifyPassword("e2e-admin-passwore", "e2e-admin-password")).toBe(false);
    expect(await verifyPassword("e2e-admin-password ", "e2e-admin-password")).toBe(false);
  });

  it("treats the same text in different Unicode forms as the same password", async () => {
    const composed = "café-password-1";
    const decomposed = "cafe\u0301-password-1";
    expect(await verifyPassword(decomposed, composed)).toBe(true);
    expect(await verifyPassword(decomposed, await hashPassword(composed, cheap))).toBe(true);
  });

  it("refuses every candidate for a malformed or unreasonably costly hash", async () => {
    expect(await verifyPassword("x", "scrypt:1000:8:1:AAAAAAAAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).toBe(false);
    expect(parseScryptHash("scrypt:1073741824:8:1:AAAAAAAAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA")).toBeNull();
    expect(parseScryptHash("scrypt:16384:8:1:AA:AAAAAAAAAAAAAAAAAAAAAA")).toBeNull();
    expect(parseScryptHash("bcrypt:whatever")).toBeNull();
  });
});
