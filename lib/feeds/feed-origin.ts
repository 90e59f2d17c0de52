import { publicOrigin } from "@/lib/api/public-url";

// The addresses a feed names. Feed readers need absolute links: the public origin when it is known
// (PUBLIC_URL or a trusted proxy), else the host the reader asked for.

const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export function feedOrigin(headers: Headers): string {
  const known = publicOrigin(headers);
  if (known !== null) return known;
  const host = headers.get("host") ?? "";
  return HOST.test(host) ? `http://${host}` : "http://localhost";
}
