import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Faults } from "./faults";
import { generateSite, type SimSite } from "./generate-site";
import { siteAtGeneration } from "./mutate-site";
import { renderDatabaseDownPage, renderTooManyRequestsPage } from "./render-error-pages";
import { routeRequest, type RouteOptions, type SimResponse } from "./route-request";
import type { RollId } from "./sim-types";

export interface SimulatorOptions {
  seed?: number;
  /** Properties on gv2022 (both titles). Default 5000. */
  rows?: number;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  generation?: number;
  /** Answer at most this many rows while the caption still states the true total. */
  truncateAbove?: number | null;
  latencyMs?: number;
  errorRate?: number;
}

export interface SimRequestRecord {
  method: string;
  /** Path and raw query as received. */
  url: string;
  /** 0 when the request was left unanswered (timeout fault). */
  status: number;
  fault: string | null;
}

export interface Simulator {
  /** `http://127.0.0.1:PORT/` (the gv2022 roll). */
  url: string;
  rollUrl(roll: RollId): string;
  /** The current generation's data. */
  readonly site: SimSite;
  setGeneration(generation: number): void;
  faults: Faults;
  /** Every request answered, in order. */
  readonly requests: readonly SimRequestRecord[];
  clearRequests(): void;
  close(): Promise<void>;
}

const BASE_HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "private",
  Server: "Microsoft-IIS/10.0",
  "X-AspNet-Version": "4.0.30319",
  "X-Powered-By": "ASP.NET",
};

const RESULTS_PATH = /\/framepages\/searchresult\.aspx$/i;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Starts the simulated valuation-roll site on node:http. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const seed = options.seed ?? 1;
  const base = generateSite({ seed, rows: options.rows ?? 5000 });
  let site = siteAtGeneration(base, options.generation ?? 0);
  const truncateAbove = options.truncateAbove ?? null;
  const faults = new Faults({ seed, latencyMs: options.latencyMs, errorRate: options.errorRate });
  const requests: SimRequestRecord[] = [];
  const host = options.host ?? "127.0.0.1";

  const send = (req: IncomingMessage, res: ServerResponse, response: SimResponse, fault: string | null) => {
    const body = Buffer.from(response.body, "utf8");
    res.writeHead(response.status, { ...BASE_HEADERS, ...response.headers, "Content-Length": String(body.length) });
    res.end(req.method === "HEAD" ? undefined : body);
    requests.push({ method: req.method ?? "GET", url: req.url ?? "/", status: response.status, fault });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? "/";
    const method = req.method ?? "GET";
    const body = method === "POST" ? await readBody(req) : "";
    const decision = faults.take(url);
    if (decision.latencyMs > 0) await sleep(decision.latencyMs);
    const path = url.split("?")[0] ?? "";
    const isResults = RESULTS_PATH.test(path);

    switch (decision.kind) {
      case "timeout":
        requests.push({ method, url, status: 0, fault: "timeout" });
        return; // never answered: the client gives up, or close() ends the socket
      case "500":
        return send(req, res, { status: 500, body: renderDatabaseDownPage() }, "500");
      case "429":
        return send(req, res, { status: 429, body: renderTooManyRequestsPage(), headers: { "Retry-After": "1" } }, "429");
      default:
        break;
    }
    const routeOptions: RouteOptions = { truncateAbove };
    if (isResults && decision.kind === "empty") routeOptions.resultsFault = "empty";
    if (isResults && decision.kind === "layout") routeOptions.resultsFault = decision.layout === "no-table" ? "layout-no-table" : "layout-header";
    const response = routeRequest(site, { method, url, body }, routeOptions);

    if (decision.kind === "truncate") {
      // A close-delimited body cut in half: the status is fine, the page is not.
      const full = Buffer.from(response.body, "utf8");
      const head = [`HTTP/1.1 ${response.status} OK`, ...Object.entries(BASE_HEADERS).map(([k, v]) => `${k}: ${v}`), "Connection: close", "", ""].join("\r\n");
      requests.push({ method, url, status: response.status, fault: "truncate" });
      req.socket.end(Buffer.concat([Buffer.from(head, "latin1"), full.subarray(0, Math.floor(full.length / 2))]));
      return;
    }
    send(req, res, response, decision.kind);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, BASE_HEADERS);
        res.end(String(error));
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}/`;

  return {
    url,
    rollUrl: (roll) => `${url}${roll}/`,
    get site() {
      return site;
    },
    setGeneration(generation: number) {
      site = siteAtGeneration(generation >= site.generation ? site : base, generation);
    },
    faults,
    requests,
    clearRequests: () => {
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
