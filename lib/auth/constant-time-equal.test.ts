import { describe, expect, it } from "vitest";
import { constantTimeEqual } from "./constant-time-equal";

describe("constantTimeEqual", () => {
  it("is true only for identical values", () => {
    expect(constantTimeEqual("e2e-admin-token", "e2e-admin-token")).toBe(true);
    expect(constantTimeEqual("e2e-admin-token", "e2e-admin-tokeN")).toBe(false);
    expect(constantTimeEqual(Buffer.from("abc"), Buffer.from("abc"))).toBe(true);
  });

  it("handles values of different lengths without throwing", () => {
    expect(constantTimeEqual("short", "a much longer value")).toBe(false);
    expect(constantTimeEqual("", "x")).toBe(false);
    expect(constantTimeEqual("", "")).toBe(true);
  });
});
