import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("common.footer");
  return (
    <footer className="mt-12 border-t border-slate-200 bg-white print:hidden">
      <div className="mx-auto max-w-6xl px-4 py-6 text-sm text-slate-700">
        <p>
          {t("text")}{" "}
          <Link href="/about" className="text-blue-800 underline">
            {t("source")}
          </Link>
          .
        </p>
      </div>
    </footer>
  );
}
