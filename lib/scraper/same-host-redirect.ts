// Where a redirect may lead: the same host only, as a scraper of one site has no business anywhere
// else. Plain http may move to https on the same host (the site may one day require TLS); https
// never falls back to http, and no other scheme, host or port is followed.

export class RedirectRefusedError extends Error {
  override name = "RedirectRefusedError";
}

export function redirectTarget(from: string, location: string | null): string {
  if (!location) throw new RedirectRefusedError(`${from} redirected without saying where to (no Location header)`);
  const source = new URL(from);
  const target = new URL(location, source);
  const sameOrigin = target.origin === source.origin;
  const upgrade = source.protocol === "http:" && target.protocol === "https:" && target.hostname === source.hostname;
  if (!sameOrigin && !upgrade) {
    throw new RedirectRefusedError(`${from} redirected to ${target.toString()}, which is not the same host; not followed`);
  }
  return target.toString();
}
