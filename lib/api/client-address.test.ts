import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("clientAddress", () => {
  it("takes the address our side appended last", () => {
    expect(clientAddress(new Headers({ "X-Forwarded-For": "203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientAddress(new Headers({ "X-Forwarded-For": "1.2.3.4, 198.51.100.9 " }))).toBe("198.51.100.9");
    expect(clientAddress(new Headers({ "X-Real-IP": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});
