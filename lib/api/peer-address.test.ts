import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";
import { stampPeerAddress } from "./peer-address";

// A real socket: what the server appends is the connection's peer, not anything the client wrote.

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function seenBy(trustedHops: number, headers: Record<string, string>): Promise<Record<string, string | string[] | undefined>> {
  server = createServer((request, response) => {
    stampPeerAddress(request, trustedHops);
    response.end(JSON.stringify(request.headers));
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    httpRequest({ host: "127.0.0.1", port, headers }, (response) => {
      let body = "";
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve(JSON.parse(body)));
    }).on("error", reject).end();
  });
}

describe("stampPeerAddress", () => {
  it("with no trusted proxy, replaces a forged X-Forwarded-For with the peer and drops the other forwarded headers", async () => {
    const headers = await seenBy(0, { "x-forwarded-for": "203.0.113.66", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(headers["x-forwarded-for"]).toBe("127.0.0.1");
    expect(headers["x-forwarded-host"]).toBeUndefined();
    expect(headers["x-forwarded-proto"]).toBeUndefined();
    expect(clientAddress(new Headers({ "x-forwarded-for": String(headers["x-forwarded-for"]) }), 0)).toBe("127.0.0.1");
  });

  it("behind a trusted proxy, appends the peer to the chain the proxy sent and keeps its forwarded headers", async () => {
    const headers = await seenBy(1, { "x-forwarded-for": "6.6.6.6, 203.0.113.7", "x-forwarded-host": "valuations.example.org" });
    expect(headers["x-forwarded-for"]).toBe("6.6.6.6, 203.0.113.7, 127.0.0.1");
    expect(headers["x-forwarded-host"]).toBe("valuations.example.org");
    expect(clientAddress(new Headers({ "x-forwarded-for": String(headers["x-forwarded-for"]) }), 1)).toBe("203.0.113.7");
  });

  it("without any chain, is just the peer", async () => {
    expect((await seenBy(1, {}))["x-forwarded-for"]).toBe("127.0.0.1");
  });
});
