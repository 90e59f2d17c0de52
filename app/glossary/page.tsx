import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ratingCategoryAnchor, useCodeAnchor } from "@/lib/glossary/glossary-links";
import { glossaryRatingCategories, glossaryUseCodes } from "@/lib/glossary/glossary-terms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("glossary");
  return { title: t("metaTitle"), description: t("metaDescription") };
}

// An entry a property's page links to (/glossary#use-15) is marked while it is the page's target.
const ENTRY = "scroll-mt-4 rounded-md border border-slate-200 p-3 target:border-blue-800 target:bg-blue-50";

/** The roll's words as the roll prints them (English, like the roll), for the reader to recognise. */
function rollWords(chunks: ReactNode) {
  return (
    <span lang="en-ZA" className="font-medium text-slate-950">
      {chunks}
    </span>
  );
}

/**
 * What the roll's use codes and rating categories mean, in plain language and the page's language.
 * Each entry has its own anchor, for the links from a property's page (lib/glossary/glossary-links.ts).
 */
export default async function GlossaryPage() {
  const t = await getTranslations("glossary");
  return (
    <article className="max-w-3xl space-y-8 text-slate-900">
      <header className="space-y-3">
        <h1 className="text-2xl font-bold text-slate-950 sm:text-3xl">{t("title")}</h1>
        <p>{t("intro")}</p>
        <p>{t("rollWording")}</p>
        <nav aria-label={t("contents")}>
          <ul className="ml-5 list-disc">
            <li>
              <a href="#use-codes" className="text-blue-800 underline">
                {t("useCodesHeading")}
              </a>
            </li>
            <li>
              <a href="#rating-categories" className="text-blue-800 underline">
                {t("ratingCategoriesHeading")}
              </a>
            </li>
          </ul>
        </nav>
      </header>

      <section id="use-codes" aria-labelledby="use-codes-heading" className="scroll-mt-4 space-y-3">
        <h2 id="use-codes-heading" className="text-xl font-semibold text-slate-950">
          {t("useCodesHeading")}
        </h2>
        <p>{t("useCodesIntro")}</p>
        <dl className="space-y-3" data-testid="glossary-use-codes">
          {glossaryUseCodes().map(({ key, code, rollWording }) => (
            <div key={key} id={useCodeAnchor(code)} className={ENTRY}>
              <dt className="font-semibold text-slate-950">{t(`useCodes.${key}.name`)}</dt>
              <dd className="text-sm text-slate-700">{t.rich("onTheRoll", { wording: `${rollWording} (${code})`, roll: rollWords })}</dd>
              <dd className="mt-1 text-slate-800">{t(`useCodes.${key}.meaning`)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section id="rating-categories" aria-labelledby="rating-categories-heading" className="scroll-mt-4 space-y-3">
        <h2 id="rating-categories-heading" className="text-xl font-semibold text-slate-950">
          {t("ratingCategoriesHeading")}
        </h2>
        <p>{t("ratingCategoriesIntro")}</p>
        <dl className="space-y-3" data-testid="glossary-rating-categories">
          {glossaryRatingCategories().map(({ key, rollWording }) => (
            <div key={key} id={ratingCategoryAnchor(rollWording)} className={ENTRY}>
              <dt className="font-semibold text-slate-950">{t(`ratingCategories.${key}.name`)}</dt>
              <dd className="text-sm text-slate-700">{t.rich("onTheRoll", { wording: rollWording, roll: rollWords })}</dd>
              <dd className="mt-1 text-slate-800">{t(`ratingCategories.${key}.meaning`)}</dd>
            </div>
          ))}
        </dl>
      </section>
    </article>
  );
}
