import { clientAddress } from "@/lib/api/client-address";
import { isLocalHost } from "./session-cookie";

// Where a request came from, for the audit log and the per-client sign-in limit, and whether its
// cookie must be Secure.

export type RequestOrigin = { clientAddress: string; userAgent: string | null; secureCookie: boolean };

export function requestOrigin(headers: Headers): RequestOrigin {
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() ?? headers.get("host");
  return {
    clientAddress: clientAddress(headers),
    userAgent: headers.get("user-agent"),
    secureCookie: !isLocalHost(host),
  };
}
