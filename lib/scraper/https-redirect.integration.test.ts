import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The site moving from http to https on the same host, with a certificate Node does not know (made
// by openssl for the test): the scraper follows the redirect, and NODE_EXTRA_CA_CERTS, as
// DEPLOYMENT.md says, is what makes it trust the chain. Each case runs in its own Node process,
// because Node reads NODE_EXTRA_CA_CERTS once, at start-up.

let dir: string;
let httpsServer: Server;
let redirector: Server;
let httpUrl: string;

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "scraper-tls-"));
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-subj", "/CN=site-test.local", "-addext", "subjectAltName=IP:127.0.0.1",
      "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem")],
    { stdio: "ignore" },
  );
  httpsServer = createHttpsServer({ key: readFileSync(path.join(dir, "key.pem")), cert: readFileSync(path.join(dir, "cert.pem")) }, (req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`secure ${req.url}`);
  });
  const httpsPort = await listen(httpsServer);
  redirector = createHttpServer((req, res) => res.writeHead(301, { location: `https://127.0.0.1:${httpsPort}${req.url}` }).end());
  httpUrl = `http://127.0.0.1:${await listen(redirector)}/`;
  writeFileSync(
    path.join(dir, "fetch-page.ts"),
    `import { createSiteClient } from ${JSON.stringify(path.resolve(import.meta.dirname, "site-client.ts"))};
const client = createSiteClient({
  baseUrl: process.argv[2]!, concurrency: 1, delayMs: 0, firstByteTimeoutMs: 5_000, stallTimeoutMs: 5_000,
  maxResponseBytes: 1_000_000, retries: 0, userAgent: "https test", probePath: "probe",
  breaker: { failureThreshold: 100, backoffMs: 100, maxBackoffMs: 100, patienceMs: 1_000 },
});
client.get("FramePages/SearchType.aspx").then((text) => console.log(text), (error: Error) => console.log("error: " + error.message));
`,
  );
});

afterAll(async () => {
  await Promise.all([httpsServer, redirector].map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  rmSync(dir, { recursive: true, force: true });
});

function fetchInChild(env: Record<string, string>): Promise<string> {
  const { NODE_EXTRA_CA_CERTS: _inherited, ...base } = process.env;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--import", "tsx", path.join(dir, "fetch-page.ts"), httpUrl], { env: { ...base, ...env }, timeout: 60_000 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout.trim()),
    );
  });
}

describe("http to https on the same host", () => {
  it("follows it, trusting the site's certificate through NODE_EXTRA_CA_CERTS", async () => {
    expect(await fetchInChild({ NODE_EXTRA_CA_CERTS: path.join(dir, "cert.pem") })).toBe("secure /FramePages/SearchType.aspx");
  });

  it("fails at once without it, saying why, instead of waiting for the site as if it were down", async () => {
    expect(await fetchInChild({})).toMatch(
      /^error: the site's TLS certificate is not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\); .*NODE_EXTRA_CA_CERTS \(DEPLOYMENT\.md\) from https:\/\/127\.0\.0\.1:\d+\/FramePages\/SearchType\.aspx$/,
    );
  });
});
