import { isLocale, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_SECONDS } from "./locales";

/**
 * Where the language switch sends the reader back to: the page they were on (the Referer's path
 * and query, never another site), else the search page.
 */
export function returnPath(referer: string | null): string {
  if (!referer) return "/";
  try {
    const url = new URL(referer);
    // "//evil.example/x" as a path would be a link to another site.
    return `/${url.pathname.replace(/^\/+/, "")}${url.search}`;
  } catch {
    return "/";
  }
}

/** The answer to the switch: remember the language and go back (303), or 400 for a language we do not have. */
export function languageSwitchAnswer({ locale, referer, secure }: { locale: unknown; referer: string | null; secure: boolean }): Response {
  if (!isLocale(locale)) {
    return new Response("Unknown language: choose en or zu.\n", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const cookie = [`${LOCALE_COOKIE}=${locale}`, "Path=/", `Max-Age=${LOCALE_COOKIE_MAX_AGE_SECONDS}`, "SameSite=Lax", ...(secure ? ["Secure"] : [])].join("; ");
  return new Response(null, { status: 303, headers: { Location: returnPath(referer), "Set-Cookie": cookie, "Cache-Control": "no-store" } });
}
