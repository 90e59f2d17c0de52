// The client a rate limit applies to. Route handlers see no socket, only headers: Next sets
// X-Forwarded-For to the peer address when the request has none, and a reverse proxy appends the
// address it saw, so the last entry is the one our own side vouches for.

export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").map((part) => part.trim()).filter((part) => part !== "").pop();
  return last ?? headers.get("x-real-ip")?.trim() ?? "unknown";
}
