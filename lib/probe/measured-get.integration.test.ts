import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measuredGet } from "./measured-get";

// One measured GET against a local server whose answers are set per path: charsets, redirects,
// size and a stalled body.

let server: Server;
let base: string;
const seenUserAgents: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seenUserAgents.push(req.headers["user-agent"] ?? "");
    switch (req.url) {
      case "/cp1252":
        return res.writeHead(200, { "content-type": "text/html; charset=windows-1252" }).end(Buffer.from([0x93, 0x41, 0x94, 0xb2]));
      case "/klingon":
        return res.writeHead(200, { "content-type": "text/html; charset=x-klingon" }).end("qapla'");
      case "/none":
        return res.writeHead(200, { "content-type": "text/html" }).end("m²");
      case "/moved":
        return res.writeHead(302, { location: "/none" }).end();
      case "/big":
        return res.writeHead(200, { "content-type": "text/html" }).end("x".repeat(10_000));
      case "/stall":
        res.writeHead(200, { "content-type": "text/html" });
        res.write("<html>");
        return; // never ends
      default:
        return res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const options = { userAgent: "probe-test/1.0", timeoutMs: 1_000, maxBytes: 5_000 };

describe("measuredGet", () => {
  it("decodes by the Content-Type's charset, as the scraper does, and reports it", async () => {
    const answer = await measuredGet(`${base}/cp1252`, options);
    expect(answer).toMatchObject({ status: 200, charset: "windows-1252", body: "\u201cA\u201d²", failure: null, bytes: 4 });
    expect(seenUserAgents.at(-1)).toBe("probe-test/1.0");
  });

  it("reads a page with no charset as UTF-8 and says none was named, after following a redirect", async () => {
    const answer = await measuredGet(`${base}/moved`, options);
    expect(answer).toMatchObject({ url: `${base}/none`, status: 200, charset: null, body: "m²", redirects: [{ status: 302, from: `${base}/moved`, to: `${base}/none` }] });
  });

  it("fails a charset it cannot decode, saying which", async () => {
    const answer = await measuredGet(`${base}/klingon`, options);
    expect(answer).toMatchObject({ status: 200, charset: "x-klingon", body: null, failure: "charset" });
    expect(answer.error).toContain('"x-klingon"');
  });

  it("stops reading past its size limit, and waits no longer than its limit for a stalled body", async () => {
    expect(await measuredGet(`${base}/big`, options)).toMatchObject({ status: 200, failure: "too-large", body: null });
    expect(await measuredGet(`${base}/stall`, options)).toMatchObject({ status: 200, failure: "timeout", error: "the answer stalled: no data for 1 s", body: null });
  });
});
