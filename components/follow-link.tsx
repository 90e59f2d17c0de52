import { useTranslations } from "next-intl";

// A link to an Atom feed, for a feed reader: "Follow" with what it follows for screen readers.

export function FollowLink({ href, what, className = "" }: { href: string; what: string; className?: string }) {
  const t = useTranslations("common.follow");
  return (
    <a href={href} type="application/atom+xml" className={`inline-flex min-h-11 items-center gap-1 font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950 ${className}`}>
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4 fill-current">
        <circle cx="3" cy="13" r="2" />
        <path d="M1 6.5v2.2A6.3 6.3 0 0 1 7.3 15h2.2A8.5 8.5 0 0 0 1 6.5Zm0-4.3v2.2A10.6 10.6 0 0 1 11.6 15h2.2A12.8 12.8 0 0 0 1 2.2Z" />
      </svg>
      {t("link")}
      <span className="sr-only"> {t("what", { what })}</span>
    </a>
  );
}
