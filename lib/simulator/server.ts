import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { expectedCells, type ExpectedCells } from "./expected-cells";
import { Faults } from "./faults";
import { generateSite, type SimSite } from "./generate-site";
import { siteAtGeneration } from "./mutate-site";
import { resolveBehaviour, validateBehaviour, type OutageError, type RealBehaviour, type SimulatorProfile } from "./real-behaviour";
import { renderDatabaseDownPage, renderDatabaseTimeoutPage, renderPoolExhaustedPage, renderTooManyRequestsPage } from "./render-error-pages";
import { resolveRoll, routeRequest, type RouteOptions, type SimResponse } from "./route-request";
import type { RollId, SimProperty } from "./sim-types";
import { isTransientNoMatchSuburb, TransientNoMatch } from "./transient-no-match";

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
  /**
   * "default" (today's behaviour, fast) or "real": the live site as its source and logs show it
   * (see REAL_PROFILE_DEFAULTS). `real` overrides single switches of either profile.
   */
  profile?: SimulatorProfile;
  real?: Partial<RealBehaviour>;
}

export interface SimRequestRecord {
  method: string;
  /** Path and raw query as received. */
  url: string;
  /** 0 when the request was left unanswered (timeout fault). */
  status: number;
  /**
   * Injected faults ("500", "429", "timeout", "truncate", "layout", "empty") and real-site events:
   * "outage" (database unreachable), "db-timeout" (SQL command timeout), "transient-no-match".
   */
  fault: string | null;
  /** Date.now() when the request was read, and when its answer was written (0 when never). */
  receivedAt: number;
  answeredAt: number;
}

export interface Simulator {
  /** `http://127.0.0.1:PORT/` (the gv2022 roll; every roll is also at rollUrl). */
  url: string;
  rollUrl(roll: RollId): string;
  /** The current generation's data. */
  readonly site: SimSite;
  setGeneration(generation: number): void;
  faults: Faults;
  /** Every request answered, in the order the answers were written. */
  readonly requests: readonly SimRequestRecord[];
  clearRequests(): void;
  readonly profile: SimulatorProfile;
  /** The live switches: change a field mid-run and the next request sees it (a whole new object is validated). */
  behaviour: RealBehaviour;
  /** Date.now() when the simulator started (outage windows are relative to it). */
  readonly startedAt: number;
  /** Starts a database outage now, for `durationMs` (pages answer the network error unless told "pool"). */
  startOutage(durationMs: number, error?: OutageError): void;
  /** Ends every outage started with startOutage (a planned `behaviour.outage` stays). */
  endOutage(): void;
  /** Whether the database is down right now (a started outage or `behaviour.outage`). */
  readonly outageActive: boolean;
  /** What a property's results row shows and what a correct scraper stores, under the live switches. */
  expectedCells(p: SimProperty): ExpectedCells;
  /** Whether a suburb is one that answers a transient "No Match" under the live switches. */
  isTransientNoMatchSuburb(suburbId: number): boolean;
  close(): Promise<void>;
}

const BASE_HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "private",
  Server: "Microsoft-IIS/10.0",
  "X-AspNet-Version": "4.0.30319",
  "X-Powered-By": "ASP.NET",
};

/** Pages that read the database (the frames and blank page are static files). */
const DATABASE_PAGES = new Set([
  "/framepages/searchtype.aspx",
  "/framepages/searchcrit.aspx",
  "/framepages/searchcrit2.aspx",
  "/framepages/searchresult.aspx",
  "/framepages/searchdeatils.aspx",
]);

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
  const profile = options.profile ?? "default";
  let behaviour = resolveBehaviour(profile, options.real);
  const faults = new Faults({ seed, latencyMs: options.latencyMs, errorRate: options.errorRate });
  const requests: SimRequestRecord[] = [];
  const host = options.host ?? "127.0.0.1";
  const startedAt = Date.now();
  const outages: { from: number; to: number; error: OutageError }[] = [];
  const transientNoMatch = new TransientNoMatch();

  /** The error of the outage under way at `now`, or null when the database is up. */
  const outageAt = (now: number): OutageError | null => {
    const planned = behaviour.outage;
    if (planned && now >= startedAt + planned.startAfterMs && now < startedAt + planned.startAfterMs + planned.durationMs) return planned.error ?? "network";
    return outages.find((o) => now >= o.from && now < o.to)?.error ?? null;
  };

  const send = (req: IncomingMessage, res: ServerResponse, response: SimResponse, fault: string | null, receivedAt: number) => {
    const body = Buffer.from(response.body, "utf8");
    res.writeHead(response.status, { ...BASE_HEADERS, ...response.headers, "Content-Length": String(body.length) });
    res.end(req.method === "HEAD" ? undefined : body);
    requests.push({ method: req.method ?? "GET", url: req.url ?? "/", status: response.status, fault, receivedAt, answeredAt: Date.now() });
  };

  const routeOptions = (): RouteOptions => ({
    truncateAbove,
    behaviour,
    takeTransientNoMatch: (roll, criteria) => {
      const { share, times } = behaviour.transientNoMatch;
      if (criteria.suburb === "" || !isTransientNoMatchSuburb(seed, Number(criteria.suburb), share)) return false;
      return transientNoMatch.take(roll, criteria.roll, Number(criteria.suburb), times);
    },
  });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const receivedAt = Date.now();
    const url = req.url ?? "/";
    const method = req.method ?? "GET";
    const body = method === "POST" ? await readBody(req) : "";
    const path = url.split("?")[0] ?? "";
    const { page } = resolveRoll(path);
    const isResults = page === "/framepages/searchresult.aspx";

    const outage = DATABASE_PAGES.has(page) ? outageAt(receivedAt) : null;
    if (outage !== null) {
      return send(req, res, { status: 500, body: outage === "pool" ? renderPoolExhaustedPage() : renderDatabaseDownPage() }, "outage", receivedAt);
    }
    const decision = faults.take(url);
    if (decision.latencyMs > 0) await sleep(decision.latencyMs);

    switch (decision.kind) {
      case "timeout":
        requests.push({ method, url, status: 0, fault: "timeout", receivedAt, answeredAt: 0 });
        return; // never answered: the client gives up, or close() ends the socket
      case "500":
        return send(req, res, { status: 500, body: renderDatabaseDownPage() }, "500", receivedAt);
      case "429":
        return send(req, res, { status: 429, body: renderTooManyRequestsPage(), headers: { "Retry-After": "1" } }, "429", receivedAt);
      default:
        break;
    }
    const options = routeOptions();
    if (isResults && decision.kind === "empty") options.resultsFault = "empty";
    if (isResults && decision.kind === "layout") options.resultsFault = decision.layout === "no-table" ? "layout-no-table" : "layout-header";
    const response = routeRequest(site, { method, url, body }, options);

    if (decision.kind === "truncate") {
      // A close-delimited body cut in half: the status is fine, the page is not.
      const full = Buffer.from(response.body, "utf8");
      const head = [`HTTP/1.1 ${response.status} OK`, ...Object.entries(BASE_HEADERS).map(([k, v]) => `${k}: ${v}`), "Connection: close", "", ""].join("\r\n");
      requests.push({ method, url, status: response.status, fault: "truncate", receivedAt, answeredAt: Date.now() });
      req.socket.end(Buffer.concat([Buffer.from(head, "latin1"), full.subarray(0, Math.floor(full.length / 2))]));
      return;
    }
    if (response.rowsSent !== undefined) {
      // Response.Buffer=true: the whole answer is built before the first byte is written.
      const delay = behaviour.firstByteDelay.baseMs + behaviour.firstByteDelay.perRowMs * response.rowsSent;
      const timeout = behaviour.databaseTimeoutMs;
      if (timeout !== null && delay > timeout) {
        await sleep(timeout);
        return send(req, res, { status: 500, body: renderDatabaseTimeoutPage() }, "db-timeout", receivedAt);
      }
      if (delay > 0) await sleep(delay);
    }
    send(req, res, response, response.fault ?? decision.kind, receivedAt);
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
    profile,
    get behaviour() {
      return behaviour;
    },
    set behaviour(next: RealBehaviour) {
      behaviour = validateBehaviour(next);
    },
    startedAt,
    startOutage(durationMs: number, error: OutageError = "network") {
      if (!(Number.isFinite(durationMs) && durationMs >= 0)) throw new Error(`durationMs must be zero or more, got ${durationMs}`);
      if (error !== "network" && error !== "pool") throw new Error(`error must be "network" or "pool", got ${String(error)}`);
      const now = Date.now();
      outages.push({ from: now, to: now + durationMs, error });
    },
    endOutage() {
      outages.length = 0;
    },
    get outageActive() {
      return outageAt(Date.now()) !== null;
    },
    expectedCells: (p) => expectedCells(p, behaviour, site.seed),
    isTransientNoMatchSuburb: (suburbId) => isTransientNoMatchSuburb(seed, suburbId, behaviour.transientNoMatch.share),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
