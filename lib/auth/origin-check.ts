// CSRF defence for state-changing admin requests made with the session cookie: the browser's
// Origin header must name this site (its Host, or a configured origin). Without an Origin header,
// only `Sec-Fetch-Site: same-origin` will do. Bearer-token requests need no such check: a browser
// never attaches that header on its own.

export function isSameOriginRequest(headers: { get(name: string): string | null }, allowedOrigins: readonly string[] = []): boolean {
  const origin = headers.get("origin");
  if (origin === null) return headers.get("sec-fetch-site") === "same-origin";
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false; // includes the opaque origin "null" (sandboxed frames, file:// pages)
  }
  if (allowedOrigins.includes(parsed.origin)) return true;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() ?? headers.get("host");
  return host !== null && host !== "" && parsed.host === host.toLowerCase();
}
