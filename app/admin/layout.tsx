import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { clientMessages } from "@/lib/i18n/catalogues";
import { SITE_TIME_ZONE } from "@/lib/format/site-time-zone";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("title"), robots: { index: false, follow: false } };
}

// The root layout's <main> holds the page: a second <main> here would be a landmark inside a landmark.
// The admin panels are client components: their words travel to the browser on admin pages only.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <NextIntlClientProvider locale={locale} messages={clientMessages(locale, ["admin"])} timeZone={SITE_TIME_ZONE}>
      <div className="mx-auto max-w-6xl space-y-6 p-4">{children}</div>
    </NextIntlClientProvider>
  );
}
