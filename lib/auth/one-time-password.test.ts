import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { createOneTimeAdminCredentials } from "./one-time-password";
import { verifyPassword } from "./password";

describe("createOneTimeAdminCredentials", () => {
  it("makes a password whose hash and secret the config accepts", async () => {
    const credentials = await createOneTimeAdminCredentials();
    expect(credentials.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(credentials.env.ADMIN_PASSWORD.startsWith("scrypt:")).toBe(true);
    expect(credentials.env.ADMIN_PASSWORD).not.toContain(credentials.password);
    const config = parseConfig(credentials.env);
    expect(config.SESSION_SECRET!.length).toBeGreaterThanOrEqual(32);
    expect(await verifyPassword(credentials.password, config.ADMIN_PASSWORD!)).toBe(true);
  });

  it("is different every time", async () => {
    const [a, b] = await Promise.all([createOneTimeAdminCredentials(), createOneTimeAdminCredentials()]);
    expect(a.password).not.toBe(b.password);
    expect(a.env.SESSION_SECRET).not.toBe(b.env.SESSION_SECRET);
  });
});
