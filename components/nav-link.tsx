"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** A header link that marks itself as the current page (for screen readers and the eye). */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const current = href === "/" ? pathname === "/" || pathname.startsWith("/valuations") : pathname.startsWith(href);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className="rounded px-2 py-2 text-slate-700 underline-offset-4 hover:text-slate-950 hover:underline aria-[current=page]:font-semibold aria-[current=page]:text-slate-950 aria-[current=page]:underline"
    >
      {children}
    </Link>
  );
}
