import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("common.notFound");
  return (
    <div className="max-w-2xl space-y-3">
      <h1 className="text-2xl font-bold text-slate-950">{t("title")}</h1>
      <p className="text-slate-800">{t("text")}</p>
      <p>
        <Link href="/" className="font-medium text-blue-800 underline">
          {t("search")}
        </Link>
      </p>
    </div>
  );
}
