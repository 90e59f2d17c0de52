import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { UnknownCharsetError, charsetOf, readBody } from "@/lib/scraper/read-body";
import type { PageFailure, RedirectHop } from "./probe-report";

// One GET, measured: every redirect hop, the time to the first byte and to the last, the size and
// the charset. Unlike the scraper's site client it never retries (the probe reports what the site
// does, not what patience gets out of it) and it sees every hop, which the client hides by design.

export type MeasuredAnswer = {
  /** The URL that answered (after redirects). */
  url: string;
  status: number | null;
  firstByteMs: number | null;
  totalMs: number;
  bytes: number;
  contentType: string | null;
  charset: string | null;
  redirects: RedirectHop[];
  /** The decoded body, when it arrived whole. */
  body: string | null;
  failure: Extract<PageFailure, "unreachable" | "timeout" | "too-large" | "redirect" | "charset"> | null;
  error: string | null;
};

type MeasuredGetOptions = {
  userAgent: string;
  /** Limit for the first byte, and for any pause in the body. */
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
  maxRedirects?: number;
};

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

type Hop = {
  status: number | null;
  firstByteMs: number | null;
  bytes: number;
  contentType: string | null;
  location: string | null;
  raw: Buffer | null;
  failure: MeasuredAnswer["failure"];
  error: string | null;
};

export async function measuredGet(url: string, options: MeasuredGetOptions): Promise<MeasuredAnswer> {
  const started = performance.now();
  const redirects: RedirectHop[] = [];
  const maxRedirects = options.maxRedirects ?? 5;
  let current = url;
  let firstByteMs: number | null = null;
  for (;;) {
    const hop = await getOnce(current, options, started);
    firstByteMs ??= hop.firstByteMs;
    const answer = (fields: Partial<MeasuredAnswer>): MeasuredAnswer => ({
      url: current,
      status: hop.status,
      firstByteMs,
      totalMs: Math.round(performance.now() - started),
      bytes: hop.bytes,
      contentType: hop.contentType,
      charset: namedCharset(hop.contentType),
      redirects,
      body: null,
      failure: hop.failure,
      error: hop.error,
      ...fields,
    });
    if (hop.status !== null && REDIRECT_STATUSES.has(hop.status) && hop.location !== null) {
      const next = new URL(hop.location, current).toString();
      redirects.push({ status: hop.status, from: current, to: next });
      const refusal = redirectRefusal(current, next, redirects.length, maxRedirects);
      if (refusal) return answer({ failure: "redirect", error: refusal });
      current = next;
      continue;
    }
    if (hop.raw === null) return answer({});
    try {
      return answer({ body: await decode(hop.raw, hop.contentType) });
    } catch (error) {
      if (!(error instanceof UnknownCharsetError)) throw error;
      return answer({ failure: "charset", error: error.message });
    }
  }
}

/** The charset the Content-Type names, or null when it names none (the report says which). */
function namedCharset(contentType: string | null): string | null {
  return contentType !== null && /charset/i.test(contentType) ? charsetOf(contentType) : null;
}

/** Decodes exactly as the scraper does (its reader, given the bytes already read). */
function decode(raw: Buffer, contentType: string | null): Promise<string> {
  const response = new Response(new Uint8Array(raw), { headers: contentType === null ? {} : { "content-type": contentType } });
  return readBody(response, { stallMs: 60_000, maxBytes: Number.MAX_SAFE_INTEGER });
}

/** Why the scraper would not follow this redirect, or null when it would (same host, http→https included). */
export function redirectRefusal(from: string, to: string, hops: number, maxRedirects: number): string | null {
  const source = new URL(from);
  const target = new URL(to);
  if (target.protocol !== "http:" && target.protocol !== "https:") return `the site redirects to a ${target.protocol} address (${to})`;
  if (target.hostname !== source.hostname) {
    return `the site redirects to another host (${target.host}); the scraper follows redirects on the same host only: set --base-url to the new address if it is the municipality's`;
  }
  if (hops > maxRedirects) return `the site redirected more than ${maxRedirects} times (last to ${to})`;
  return null;
}

function getOnce(url: string, options: MeasuredGetOptions, started: number): Promise<Hop> {
  return new Promise((resolve) => {
    const hop: Hop = { status: null, firstByteMs: null, bytes: 0, contentType: null, location: null, raw: null, failure: null, error: null };
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (fields: Partial<Hop>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      resolve({ ...hop, ...fields });
    };
    const arm = (error: string) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        finish({ failure: "timeout", error });
        request.destroy();
      }, options.timeoutMs);
    };
    const onAbort = () => {
      finish({ failure: "timeout", error: "the probe's time ran out before this page answered" });
      request.destroy();
    };

    const target = new URL(url);
    const client = target.protocol === "https:" ? https : http;
    const request = client.request(target, {
      method: "GET",
      headers: { "user-agent": options.userAgent, accept: "text/html", "accept-encoding": "identity" },
    });
    arm(`no answer arrived within ${formatSeconds(options.timeoutMs)}`);
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener("abort", onAbort, { once: true });

    request.on("response", (response: IncomingMessage) => {
      hop.status = response.statusCode ?? null;
      hop.firstByteMs = Math.round(performance.now() - started);
      hop.contentType = header(response, "content-type");
      hop.location = header(response, "location");
      const chunks: Buffer[] = [];
      const stalled = `the answer stalled: no data for ${formatSeconds(options.timeoutMs)}`;
      arm(stalled);
      response.on("data", (chunk: Buffer) => {
        hop.bytes += chunk.length;
        if (hop.bytes > options.maxBytes) {
          finish({ failure: "too-large", error: `the answer passed ${formatMegabytes(options.maxBytes)}; the probe stopped reading` });
          request.destroy();
          return;
        }
        chunks.push(chunk);
        arm(stalled);
      });
      response.on("end", () => finish({ raw: Buffer.concat(chunks) }));
      response.on("error", (error) => finish({ failure: "timeout", error: `the answer was cut off (${describeNetworkError(error)})` }));
    });
    request.on("error", (error) => {
      if (hop.status !== null) finish({ failure: "timeout", error: `the answer was cut off (${describeNetworkError(error)})` });
      else finish({ failure: "unreachable", error: `no connection: ${describeNetworkError(error)}` });
    });
    request.end();
  });
}

function header(response: IncomingMessage, name: string): string | null {
  const value = response.headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

function describeNetworkError(error: Error): string {
  const code = (error as { code?: string }).code;
  const messages: Record<string, string> = {
    ENOTFOUND: "the host name does not resolve (DNS)",
    EAI_AGAIN: "the host name could not be resolved right now (DNS)",
    ECONNREFUSED: "the connection was refused (nothing listens there)",
    ECONNRESET: "the connection was reset",
    ETIMEDOUT: "the connection timed out",
    EHOSTUNREACH: "the host is unreachable",
    ENETUNREACH: "the network is unreachable",
  };
  return code && messages[code] ? `${messages[code]} [${code}]` : code ? `${error.message} [${code}]` : error.message;
}

function formatSeconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / 100_000) / 10} MB`;
}
