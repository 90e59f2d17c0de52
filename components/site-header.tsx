import Link from "next/link";
import { NavLink } from "./nav-link";

// The links of the header, in order.
const NAV_LINKS: { href: string; label: string; prefetch?: false }[] = [
  { href: "/", label: "Search" },
  { href: "/suburbs", label: "Suburbs" },
  { href: "/about", label: "About" },
  { href: "/docs", label: "API", prefetch: false },
  { href: "/admin", label: "Admin", prefetch: false },
];

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-2">
        <Link href="/" className="py-2 font-semibold text-slate-950">
          Durban Valuation Roll <span className="sr-only sm:not-sr-only">Explorer</span>
        </Link>
        <nav aria-label="Main">
          <ul className="-mx-2 flex flex-wrap items-center text-sm">
            {NAV_LINKS.map((link) => (
              <li key={link.href}>
                {link.prefetch === false ? (
                  // /docs is a route handler (the API reference) and /admin checks a session: plain links.
                  <a href={link.href} className="rounded px-2 py-2 text-slate-700 underline-offset-4 hover:text-slate-950 hover:underline">
                    {link.label}
                  </a>
                ) : (
                  <NavLink href={link.href}>{link.label}</NavLink>
                )}
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
