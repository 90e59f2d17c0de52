"use client";

import type { MouseEvent, ReactNode } from "react";

/**
 * A link to another state of the search: a real href (works without JavaScript, opens in a new
 * tab), handled in place on a plain click.
 */
export function SearchLink({
  href,
  onNavigate,
  className,
  children,
  rel,
  ariaLabel,
}: {
  href: string;
  onNavigate: () => void;
  className?: string;
  children: ReactNode;
  rel?: string;
  ariaLabel?: string;
}) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onNavigate();
  };
  return (
    <a href={href} onClick={onClick} className={className} rel={rel} aria-label={ariaLabel}>
      {children}
    </a>
  );
}
