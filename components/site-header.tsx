import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "./language-switch";
import { NavLink } from "./nav-link";

// The links of the header, in order.
const NAV_LINKS = [
  { href: "/", key: "search" },
  { href: "/suburbs", key: "suburbs" },
  { href: "/glossary", key: "glossary" },
  { href: "/about", key: "about" },
  { href: "/docs", key: "api", prefetch: false },
  { href: "/admin", key: "admin", prefetch: false },
] as const satisfies readonly { href: string; key: string; prefetch?: false }[];

export async function SiteHeader() {
  const t = await getTranslations("common");
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-2">
        <Link href="/" className="py-2 font-semibold text-slate-950">
          {t("siteNameShort")} <span className="sr-only sm:not-sr-only">{t("siteNameTail")}</span>
        </Link>
        <div className="flex flex-wrap items-center gap-x-4">
          <nav aria-label={t("nav.label")}>
            <ul className="-mx-2 flex flex-wrap items-center text-sm">
              {NAV_LINKS.map((link) => (
                <li key={link.href}>
                  {"prefetch" in link ? (
                    // /docs is a route handler (the API reference) and /admin checks a session: plain links.
                    <a href={link.href} className="rounded px-2 py-2 text-slate-700 underline-offset-4 hover:text-slate-950 hover:underline">
                      {t(`nav.${link.key}`)}
                    </a>
                  ) : (
                    <NavLink href={link.href}>{t(`nav.${link.key}`)}</NavLink>
                  )}
                </li>
              ))}
            </ul>
          </nav>
          <LanguageSwitch />
        </div>
      </div>
    </header>
  );
}
