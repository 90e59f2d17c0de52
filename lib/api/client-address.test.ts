import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

const chain = (value: string) => new Headers({ "X-Forwarded-For": value });

describe("clientAddress", () => {
  it("with no trusted proxy, is the socket's peer (the last entry, which the server appends) whatever the client wrote", () => {
    expect(clientAddress(chain("203.0.113.7"), 0)).toBe("203.0.113.7");
    expect(clientAddress(chain("1.2.3.4, 198.51.100.9 "), 0)).toBe("198.51.100.9");
    expect(clientAddress(chain("forged, 10.0.0.1, 192.0.2.50"), 0)).toBe("192.0.2.50");
  });

  it("behind N trusted proxies, is the entry N places left of the peer, ignoring what the client prepended", () => {
    // client → proxy A (appends the client) → proxy B (appends A) → app (appends B, its peer)
    const headers = chain("6.6.6.6, 203.0.113.7, 10.0.0.2, 10.0.0.3");
    expect(clientAddress(headers, 1)).toBe("10.0.0.2");
    expect(clientAddress(headers, 2)).toBe("203.0.113.7");
    expect(clientAddress(chain("203.0.113.7, 10.0.0.3"), 1)).toBe("203.0.113.7");
  });

  it("takes the furthest address known when the request came through fewer proxies than trusted", () => {
    expect(clientAddress(chain("192.0.2.9"), 2)).toBe("192.0.2.9");
  });

  it("writes an IPv4 peer of a dual-stack socket as plain IPv4, and never believes X-Real-IP", () => {
    expect(clientAddress(chain("::ffff:127.0.0.1"), 0)).toBe("127.0.0.1");
    expect(clientAddress(chain("::1"), 0)).toBe("::1");
    expect(clientAddress(new Headers({ "X-Real-IP": "198.51.100.2" }), 0)).toBe("unknown");
  });
});
