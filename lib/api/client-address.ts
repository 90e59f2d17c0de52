import { config } from "@/lib/config";

// The one client address that rate limits, sign-in lockouts and the audit log use.
//
// Next's route handlers and proxy see no socket, only headers, and Next fills X-Forwarded-For with
// the socket's peer only when the request has none: a client could name any address it liked. So
// the server appends the peer itself before Next sees the request (lib/api/peer-address.ts, from
// instrumentation.ts): the last entry is always the socket's peer. Each trusted reverse proxy in
// front appends the address it saw, so with TRUSTED_PROXY_HOPS = N the client is the entry N places
// left of the peer; anything further left was written by the client and is ignored.

/** "::ffff:192.0.2.1" (an IPv4 peer on a dual-stack socket) is 192.0.2.1. */
function normalised(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
}

export function clientAddress(headers: Headers, trustedHops: number = config.TRUSTED_PROXY_HOPS): string {
  const chain = (headers.get("x-forwarded-for") ?? "").split(",").map((part) => part.trim()).filter((part) => part !== "");
  if (chain.length === 0) return "unknown";
  // Fewer entries than hops: the request skipped a proxy; the leftmost is the furthest we know.
  return normalised(chain[Math.max(0, chain.length - 1 - trustedHops)]!);
}
