"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect } from "react";

/** A page failed on the server (the database is down, say): say so plainly and offer to try again. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("common.error");
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String((error as Error & { digest?: string }).digest ?? "") : "";
  return (
    <div role="alert" className="max-w-2xl space-y-3">
      <h1 className="text-2xl font-bold text-slate-950">{t("title")}</h1>
      <p className="text-slate-800">{t("text")}</p>
      {digest && <p className="text-sm text-slate-700">{t("reference", { digest })}</p>}
      <div className="flex flex-wrap gap-3">
        <button type="button" onClick={() => retry()} className="rounded-md bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900">
          {t("retry")}
        </button>
        <Link href="/" className="rounded-md border border-slate-400 px-4 py-2 font-medium text-blue-800">
          {t("search")}
        </Link>
      </div>
    </div>
  );
}
