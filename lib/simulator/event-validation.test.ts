import { describe, expect, it } from "vitest";
import { createEventValidation, verifyEventValidation } from "./event-validation";

describe("event validation", () => {
  const token = createEventValidation("secret", ["drpSearchType=1", "btnGo=Go"]);

  it("round-trips the allowed values", () => {
    expect(verifyEventValidation("secret", token)).toEqual(["drpSearchType=1", "btnGo=Go"]);
  });

  it("rejects missing, tampered and foreign tokens", () => {
    expect(verifyEventValidation("secret", null)).toBeNull();
    expect(verifyEventValidation("other", token)).toBeNull();
    const decoded = Buffer.from(token, "base64").toString("utf8").replace("drpSearchType=1", "drpSearchType=3");
    expect(verifyEventValidation("secret", Buffer.from(decoded).toString("base64"))).toBeNull();
    expect(verifyEventValidation("secret", "not-a-token")).toBeNull();
  });
});
