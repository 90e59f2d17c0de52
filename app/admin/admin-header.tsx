import Link from "next/link";
import { useTranslations } from "next-intl";

// The admin pages' heading, with sign-out (a plain form: it works without JavaScript).

export function AdminHeader({ who }: { who: string }) {
  const t = useTranslations("admin");
  const common = useTranslations("common");
  return (
    <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 pb-3">
      <div>
        <p className="text-sm text-slate-600">
          <Link href="/" className="underline">{common("siteName")}</Link> · <Link href="/admin" className="underline">{t("title")}</Link>
        </p>
      </div>
      <form method="post" action="/api/admin/sign-out" className="flex items-center gap-2 text-sm">
        <span className="text-slate-600">{t("header.signedIn", { who })}</span>
        <button type="submit" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">{t("header.signOut")}</button>
      </form>
    </header>
  );
}
