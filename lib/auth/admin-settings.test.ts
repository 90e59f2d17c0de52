import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { adminAvailability, adminProblemOf, adminSettings, signInEnabled } from "./admin-settings";

describe("adminSettings", () => {
  it("is off with nothing configured", () => {
    const settings = adminSettings(parseConfig({}));
    expect(adminAvailability(settings)).toEqual({ signIn: false, token: false, problems: [] });
    expect(settings.lockoutMs).toBe(15 * 60_000);
    expect(settings.sessionLifetimeMs).toBe(8 * 3_600_000);
  });

  it("allows sign-in only with both the password and the session secret", () => {
    const both = adminSettings(parseConfig({ ADMIN_PASSWORD: "e2e-admin-password", SESSION_SECRET: "s".repeat(32) }));
    expect(signInEnabled(both)).toBe(true);
    const passwordOnly = adminAvailability(adminSettings(parseConfig({ ADMIN_PASSWORD: "e2e-admin-password" })));
    expect(passwordOnly.signIn).toBe(false);
    expect(passwordOnly.problems).toEqual(["ADMIN_PASSWORD is set but SESSION_SECRET is not, so nobody can sign in."]);
  });

  it("allows token access on its own", () => {
    expect(adminAvailability(adminSettings(parseConfig({ ADMIN_TOKEN: "e2e-admin-token" })))).toEqual({ signIn: false, token: true, problems: [] });
  });
});

describe("adminProblemOf", () => {
  it("names each problem adminAvailability reports, for the page to word in its language", () => {
    const secretOnly = adminAvailability(adminSettings(parseConfig({ SESSION_SECRET: "s".repeat(32) })));
    expect(secretOnly.problems.map(adminProblemOf)).toEqual(["secretWithoutPassword"]);
    const passwordOnly = adminAvailability(adminSettings(parseConfig({ ADMIN_PASSWORD: "e2e-admin-password" })));
    expect(passwordOnly.problems.map(adminProblemOf)).toEqual(["passwordWithoutSecret"]);
    expect(adminProblemOf("something else")).toBeNull();
  });
});
