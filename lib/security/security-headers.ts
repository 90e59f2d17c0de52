// The headers that depend on the request, set by proxy.ts: a script policy with a fresh nonce for
// every page (Next puts the nonce on its own scripts when it finds it in the request's
// Content-Security-Policy), and HSTS when the user reached us over HTTPS. The static ones
// (Permissions-Policy among them) are in next.config.mjs. /docs and the API set their own policies.

/** The policy for our pages: scripts only from us with this request's nonce; no framing, no plugins. */
export function pageContentSecurityPolicy(nonce: string, development = false): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts our nonced scripts load (Next's chunks) may run; nothing else.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** Strict-Transport-Security for an answer served over HTTPS, or null (plain HTTP, or HSTS_MAX_AGE=0). */
export function strictTransportSecurity(overHttps: boolean, maxAgeSeconds: number): string | null {
  return overHttps && maxAgeSeconds > 0 ? `max-age=${maxAgeSeconds}` : null;
}
