import { NextResponse, type NextRequest } from "next/server";
import { allowedMethods, methodNotAllowed } from "@/lib/api/api-routes";
import { servedOverHttps } from "@/lib/api/public-url";
import { config as appConfig } from "@/lib/config";
import { chooseLocale } from "@/lib/i18n/choose-locale";
import { HTML_LANG, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { newNonce, pageContentSecurityPolicy, strictTransportSecurity } from "@/lib/security/security-headers";

// Next 16's proxy (formerly middleware) runs before every route: a wrong method on an /api route
// becomes a problem+json 405 with Allow (unknown /api paths: app/api/[[...path]]); pages get a
// per-request script nonce and say their language (Content-Language; pages are rendered per request
// and never stored by a cache in front, so one reader's language never reaches another); HTTPS
// answers get HSTS.

function withHsts(response: Response, request: NextRequest): Response {
  const hsts = strictTransportSecurity(servedOverHttps(request.headers), appConfig.HSTS_MAX_AGE);
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

export function proxy(request: NextRequest): Response {
  const { pathname } = request.nextUrl;
  if (pathname === "/api" || pathname.startsWith("/api/")) {
    const allow = allowedMethods(pathname);
    const refused = allow !== null && !allow.includes(request.method.toUpperCase());
    return withHsts(refused ? methodNotAllowed(pathname, request.method, allow) : NextResponse.next(), request);
  }
  // /docs serves its own policy (the API reference runs inline scripts of its own).
  if (pathname === "/docs") return withHsts(NextResponse.next(), request);

  const policy = pageContentSecurityPolicy(newNonce(), process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  const locale = chooseLocale({ cookie: request.cookies.get(LOCALE_COOKIE)?.value, acceptLanguage: request.headers.get("accept-language") });
  response.headers.set("Content-Language", HTML_LANG[locale]);
  return withHsts(response, request);
}

export const config = {
  // Not for static files (they carry no scripts to nonce), nor for prefetches (not HTML).
  matcher: [
    {
      source: "/((?!_next/static|_next/image|vendor/).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
