import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("title"), robots: { index: false, follow: false } };
}

// The root layout's <main> holds the page: a second <main> here would be a landmark inside a landmark.
export default function AdminLayout({ children }: { children: ReactNode }) {
  return <div className="mx-auto max-w-6xl space-y-6 p-4">{children}</div>;
}
