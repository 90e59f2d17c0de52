import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { SiteDownError } from "./circuit-breaker";
import { SiteError, createSiteClient, type SiteClientOptions } from "./site-client";

// The client against small real HTTP servers, one behaviour each.

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const servers: Server[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function serve(handler: Handler): Promise<{ url: string; port: number; paths: string[] }> {
  const paths: string[] = [];
  const server = createServer((req, res) => {
    paths.push(req.url ?? "");
    if (req.url === "/probe") return void res.end("ok");
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, port, paths };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

function client(baseUrl: string, overrides: Partial<SiteClientOptions> = {}) {
  return createSiteClient({
    baseUrl,
    concurrency: 2,
    delayMs: 0,
    firstByteTimeoutMs: 5_000,
    stallTimeoutMs: 5_000,
    maxResponseBytes: 1024 * 1024,
    retries: 0,
    breaker: { failureThreshold: 5, backoffMs: 100, maxBackoffMs: 200, patienceMs: 5_000 },
    userAgent: "site-client test",
    probePath: "probe",
    ...overrides,
  });
}

describe("charset", () => {
  it("decodes by the Content-Type charset, UTF-8 when none is named", async () => {
    const site = await serve((req, res) => {
      if (req.url === "/latin") {
        res.writeHead(200, { "content-type": "text/html; charset=windows-1252" });
        return void res.end(Buffer.from([0x93, 0x43, 0x41, 0x46, 0xc9, 0x94, 0x20, 0x80, 0x81])); // “CAFÉ” €, 0x81 unassigned
      }
      if (req.url === "/iso") {
        res.writeHead(200, { "content-type": 'text/html; charset="ISO-8859-1"' });
        return void res.end(Buffer.from([0x4d, 0xb2])); // M²
      }
      if (req.url === "/odd") {
        res.writeHead(200, { "content-type": "text/html; charset=x-klingon" });
        return void res.end("x");
      }
      res.writeHead(200, { "content-type": "text/html" });
      res.end(Buffer.from("CAFÉ m²", "utf8"));
    });
    const c = client(site.url);
    expect(await c.get("latin")).toBe("“CAFÉ” €\u0081");
    expect(await c.get("iso")).toBe("M²");
    expect(await c.get("plain")).toBe("CAFÉ m²");
    await expect(c.get("odd")).rejects.toThrow(/charset this scraper cannot decode: "x-klingon"/);
  });
});

describe("redirects", () => {
  it("follows one on the same host, and refuses another host naming both URLs without asking it", async () => {
    const elsewhere = await serve((_req, res) => res.end("elsewhere"));
    const site = await serve((req, res) => {
      if (req.url === "/old") {
        res.writeHead(302, { location: "/new?x=1" });
        return void res.end();
      }
      if (req.url === "/away") {
        res.writeHead(301, { location: `http://localhost:${elsewhere.port}/taken` });
        return void res.end();
      }
      if (req.url === "/port") {
        res.writeHead(307, { location: elsewhere.url });
        return void res.end();
      }
      res.end(`page ${req.url}`);
    });
    const c = client(site.url);
    expect(await c.get("old")).toBe("page /new?x=1");
    const refused = await c.get("away").catch((error: Error) => error);
    expect(refused).toBeInstanceOf(SiteError);
    expect((refused as Error).message).toContain(`${site.url}away redirected to http://localhost:${elsewhere.port}/taken, which is not the same host`);
    await expect(c.get("port")).rejects.toThrow(/not the same host/);
    expect(elsewhere.paths).toEqual([]);
  });
});

describe("limits", () => {
  it("refuses an answer over the size cap, declared or streamed, with a clear error", async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const site = await serve(async (req, res) => {
      if (req.url === "/declared") res.writeHead(200, { "content-length": String(2 * 1024 * 1024) });
      for (let i = 0; i < 32 && !res.destroyed; i += 1) {
        res.write(chunk);
        await sleep(1);
      }
      res.end();
    });
    const c = client(site.url, { maxResponseBytes: 1024 * 1024 });
    await expect(c.get("declared")).rejects.toThrow(/the answer is 2\.0 MB, over the 1\.0 MB limit \(--max-response-mb\)/);
    await expect(c.get("streamed")).rejects.toThrow(/passed the 1\.0 MB limit \(--max-response-mb\) and was not read further/);
    expect(await client(site.url, { maxResponseBytes: 4 * 1024 * 1024 }).get("streamed")).toHaveLength(2 * 1024 * 1024);
  });

  it("waits long for a first byte, but gives up on one that never comes", async () => {
    const site = await serve(async (_req, res) => {
      await sleep(600);
      if (!res.destroyed) res.end("built whole, then sent");
    });
    expect(await client(site.url, { firstByteTimeoutMs: 3_000, stallTimeoutMs: 200 }).get("slow")).toBe("built whole, then sent");
    await expect(client(site.url, { firstByteTimeoutMs: 200 }).get("slow")).rejects.toThrow(/no first byte in time \(--first-byte-timeout-ms\)/);
  });

  it("reads a slow but steady body, and fails a stalled one", async () => {
    const site = await serve(async (req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      for (let i = 0; i < 10 && !res.destroyed; i += 1) {
        res.write(`<p>${i}</p>`);
        await sleep(req.url === "/stalls" && i === 4 ? 3_000 : 60);
      }
      res.end();
    });
    const c = client(site.url, { stallTimeoutMs: 500 });
    expect(await c.get("steady")).toBe("<p>0</p><p>1</p><p>2</p><p>3</p><p>4</p><p>5</p><p>6</p><p>7</p><p>8</p><p>9</p>");
    const stalled = await c.get("stalls").catch((error: SiteError) => error);
    expect(stalled).toBeInstanceOf(SiteError);
    expect(stalled).toMatchObject({ phase: "body", message: expect.stringMatching(/cut off \(stalled: no bytes arrived for 500 ms/) });
  });
});

describe("429 Too Many Requests", () => {
  it("waits until the HTTP date Retry-After names before asking again", async () => {
    const received: number[] = [];
    const site = await serve((_req, res) => {
      received.push(Date.now());
      if (received.length === 1) {
        // HTTP dates have whole seconds: two seconds ahead is at least one second away.
        res.writeHead(429, { "retry-after": new Date(Date.now() + 2_000).toUTCString() });
        return void res.end("slow down");
      }
      res.end("welcome back");
    });
    expect(await client(site.url, { retries: 2 }).get("page")).toBe("welcome back");
    expect(received).toHaveLength(2);
    expect(received[1]! - received[0]!).toBeGreaterThanOrEqual(1_000);
  });
});

describe("outages", () => {
  it("pauses everything while the site is down, probes once per pause, then carries on", async () => {
    let downUntil = Date.now() + 1_000;
    const site = await serve((req, res) => {
      res.writeHead(Date.now() < downUntil ? 500 : 200);
      res.end(`page ${req.url}`);
    });
    // The probe page is the site's too: down with it.
    const pauses: Date[] = [];
    const c = client(site.url, {
      probePath: "criteria",
      retries: 1,
      breaker: { failureThreshold: 3, backoffMs: 150, maxBackoffMs: 300, patienceMs: 10_000 },
      onPause: (event) => pauses.push(event.until),
    });
    const pages = await Promise.all(["a", "b", "c", "d"].map((path) => c.get(path)));
    expect(pages).toEqual(["page /a", "page /b", "page /c", "page /d"]);
    expect(pauses.length).toBeGreaterThan(1);
    const probes = site.paths.filter((p) => p === "/criteria").length;
    // One after each pause, and perhaps one that asked whether the site was up before it opened.
    expect(probes - pauses.length).toBeGreaterThanOrEqual(0);
    expect(probes - pauses.length).toBeLessThanOrEqual(1);
    // No hammering: besides the probes, the failed requests are the few that opened the breaker
    // (plus at most one in flight per slot), never the retries of every page.
    const failedPages = site.paths.filter((p) => p !== "/criteria").length - 4;
    expect(failedPages).toBeLessThanOrEqual(3 + 2);
    downUntil = 0;
  });

  it("fails one page that keeps failing while the site answers others", async () => {
    const site = await serve((req, res) => {
      res.writeHead(req.url === "/broken" ? 500 : 200);
      res.end(`page ${req.url}`);
    });
    const c = client(site.url, { retries: 2, probePath: "probe" });
    const broken = await c.get("broken").catch((error: SiteError) => error);
    expect(broken).toMatchObject({ name: "SiteError", status: 500, message: `HTTP 500 from ${site.url}broken` });
    expect(site.paths).toEqual(["/broken", "/broken", "/broken", "/probe"]);
    expect(c.pausedUntil).toBeNull();
    expect(await c.get("fine")).toBe("page /fine");
  });

  it("does not pause when every page asked for fails but the site answers the probe: each page fails on its own", async () => {
    const site = await serve((_req, res) => {
      res.writeHead(500);
      res.end("this page is broken");
    });
    const pauses: unknown[] = [];
    // A pause would last a minute: far longer than this test may take.
    const c = client(site.url, { retries: 2, breaker: { failureThreshold: 3, backoffMs: 60_000, maxBackoffMs: 60_000, patienceMs: 600_000 }, onPause: (e) => pauses.push(e) });
    const outcomes = await Promise.allSettled(["a", "b", "c", "d"].map((path) => c.get(path)));
    expect(outcomes.map((o) => o.status === "rejected" && (o.reason as Error).message)).toEqual(
      ["a", "b", "c", "d"].map((path) => `HTTP 500 from ${site.url}${path}`),
    );
    expect(pauses).toEqual([]);
  });

  it("gives up after its patience with a SiteDownError", async () => {
    const site = await serve((_req, res) => {
      res.writeHead(503);
      res.end("down");
    });
    const c = client(site.url, { probePath: "criteria", breaker: { failureThreshold: 2, backoffMs: 50, maxBackoffMs: 50, patienceMs: 300 } });
    await expect(c.get("a")).rejects.toThrow(SiteDownError);
  });
});
