import { config } from "@/lib/config";

// Where the site is, as its users reach it: the origin of every absolute link the API gives. The
// app's own bind address (0.0.0.0:3000, localhost:3000) is never it: behind a proxy the request
// URL Next builds names the listening socket, not the public host.

export type PublicUrlSettings = { publicUrl: string | undefined; trustedHops: number };

const fromConfig = (): PublicUrlSettings => ({ publicUrl: config.PUBLIC_URL, trustedHops: config.TRUSTED_PROXY_HOPS });

const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** The value the outermost trusted proxy wrote in a forwarded header that each proxy may append to. */
function forwarded(headers: Headers, name: string, trustedHops: number): string | null {
  const values = (headers.get(name) ?? "").split(",").map((part) => part.trim()).filter((part) => part !== "");
  if (values.length === 0) return null;
  return values[Math.max(0, values.length - trustedHops)]!;
}

/** The public origin (scheme://host[:port]), or null when nothing trustworthy says it: links are then relative. */
export function publicOrigin(headers: Headers, settings: PublicUrlSettings = fromConfig()): string | null {
  if (settings.publicUrl !== undefined) return settings.publicUrl;
  if (settings.trustedHops === 0) return null;
  const proto = forwarded(headers, "x-forwarded-proto", settings.trustedHops)?.toLowerCase();
  const host = forwarded(headers, "x-forwarded-host", settings.trustedHops);
  if ((proto !== "http" && proto !== "https") || host === null || !HOST.test(host)) return null;
  return new URL(`${proto}://${host}`).origin;
}

/** Whether the user reached the site over HTTPS (for HSTS and Secure cookies), as far as we can tell. */
export function servedOverHttps(headers: Headers, settings: PublicUrlSettings = fromConfig()): boolean {
  return publicOrigin(headers, settings)?.startsWith("https:") ?? false;
}

/** A link to `path` (with its query), absolute when the public origin is known, else relative. */
export function publicLink(headers: Headers, pathAndQuery: string, settings: PublicUrlSettings = fromConfig()): string {
  const origin = publicOrigin(headers, settings);
  return origin === null ? pathAndQuery : `${origin}${pathAndQuery}`;
}
