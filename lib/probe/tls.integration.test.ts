import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inspectTls } from "./inspect-tls";
import { redirectRefusal } from "./measured-get";
import { runProbe } from "./run-probe";

// TLS as the probe sees it, against a local HTTPS server with a self-signed certificate made by
// openssl for the test, behind a plain-http server that redirects to it (as the site may one day).

let dir: string;
let httpsServer: Server;
let redirector: Server;
let httpsUrl: string;
let httpUrl: string;

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "probe-tls-"));
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-subj", "/CN=probe-test.local", "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem")], { stdio: "ignore" });
  httpsServer = createHttpsServer({ key: readFileSync(path.join(dir, "key.pem")), cert: readFileSync(path.join(dir, "cert.pem")) }, (_req, res) => {
    res.writeHead(200, { "content-type": "text/html" }).end("<html></html>");
  });
  httpsUrl = `https://127.0.0.1:${await listen(httpsServer)}/`;
  redirector = createHttpServer((req, res) => res.writeHead(301, { location: new URL(req.url ?? "/", httpsUrl).toString() }).end());
  httpUrl = `http://127.0.0.1:${await listen(redirector)}/`;
});

afterAll(async () => {
  await Promise.all([httpsServer, redirector].map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  rmSync(dir, { recursive: true, force: true });
});

describe("inspectTls", () => {
  it("reads protocol, subject, issuer and expiry, and says the chain is not trusted", async () => {
    const now = new Date();
    const tls = await inspectTls(httpsUrl, { timeoutMs: 5_000, now });
    expect(tls).toMatchObject({ kind: "tls", subject: "CN=probe-test.local", issuer: "CN=probe-test.local", trusted: false });
    if (tls.kind !== "tls") throw new Error("expected tls");
    expect(tls.protocol).toMatch(/^TLSv1\.[23]$/);
    expect(tls.trustError).toBe("DEPTH_ZERO_SELF_SIGNED_CERT");
    expect(tls.daysLeft).toBeGreaterThanOrEqual(29);
    expect(tls.daysLeft).toBeLessThanOrEqual(30);
  });

  it("says plain http is plain http", async () => {
    expect(await inspectTls(httpUrl, { timeoutMs: 5_000 })).toEqual({ kind: "plain-http" });
  });

  it("says when nothing speaks TLS there", async () => {
    const tls = await inspectTls(httpUrl.replace("http:", "https:"), { timeoutMs: 5_000 });
    expect(tls.kind).toBe("error");
  });
});

describe("the probe and https", () => {
  it("sees http redirected to https, and explains an untrusted certificate", async () => {
    const report = await runProbe({ roll: "gv2022", baseUrl: httpUrl, userAgent: "probe-test/1.0", timeoutMs: 5_000, delayMs: 0 });
    expect(report.httpToHttps).toBe(true);
    expect(report.redirects).toEqual([{ status: 301, from: httpUrl, to: httpsUrl }]);
    expect(report.tls).toMatchObject({ kind: "tls", trusted: false });
    expect(report.verdict).toBe("down");
    expect(report.explanations[0]).toContain("the home page could not be reached: no connection: self-signed certificate");
    expect(report.explanations).toContainEqual(expect.stringContaining("give it to Node with NODE_EXTRA_CA_CERTS"));
  });
});

describe("redirectRefusal", () => {
  it("follows the same host, http to https included", () => {
    expect(redirectRefusal("http://site.example/", "https://site.example/", 1, 5)).toBeNull();
    expect(redirectRefusal("http://site.example/gv2017", "http://site.example/gv2017/", 1, 5)).toBeNull();
  });

  it("refuses another host, another scheme and too many hops", () => {
    expect(redirectRefusal("http://site.example/", "http://elsewhere.example/", 1, 5)).toMatch(/^the site redirects to another host \(elsewhere\.example\)/);
    expect(redirectRefusal("http://site.example/", "ftp://site.example/", 1, 5)).toBe("the site redirects to a ftp: address (ftp://site.example/)");
    expect(redirectRefusal("http://site.example/a", "http://site.example/b", 6, 5)).toBe("the site redirected more than 5 times (last to http://site.example/b)");
  });
});
