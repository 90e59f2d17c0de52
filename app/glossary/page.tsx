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

type GlossaryEntry = { key: string; anchor: string; name: string; onTheRoll: ReactNode; meaning: string };

/** One part of the glossary: each term's plain name, the roll's own wording, and what it means. */
function GlossarySection({ id, heading, intro, testId, entries }: { id: string; heading: string; intro: string; testId: string; entries: GlossaryEntry[] }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="scroll-mt-4 space-y-3">
      <h2 id={`${id}-heading`} className="text-xl font-semibold text-slate-950">
        {heading}
      </h2>
      <p>{intro}</p>
      <dl className="space-y-3" data-testid={testId}>
        {entries.map((entry) => (
          <div key={entry.key} id={entry.anchor} className={ENTRY}>
            <dt className="font-semibold text-slate-950">{entry.name}</dt>
            <dd className="text-sm text-slate-700">{entry.onTheRoll}</dd>
            <dd className="mt-1 text-slate-800">{entry.meaning}</dd>
          </div>
        ))}
      </dl>
    </section>
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

      <GlossarySection
        id="use-codes"
        heading={t("useCodesHeading")}
        intro={t("useCodesIntro")}
        testId="glossary-use-codes"
        entries={glossaryUseCodes().map(({ key, code, rollWording }) => ({
          key,
          anchor: useCodeAnchor(code),
          name: t(`useCodes.${key}.name`),
          onTheRoll: t.rich("onTheRoll", { wording: `${rollWording} (${code})`, roll: rollWords }),
          meaning: t(`useCodes.${key}.meaning`),
        }))}
      />
      <GlossarySection
        id="rating-categories"
        heading={t("ratingCategoriesHeading")}
        intro={t("ratingCategoriesIntro")}
        testId="glossary-rating-categories"
        entries={glossaryRatingCategories().map(({ key, rollWording }) => ({
          key,
          anchor: ratingCategoryAnchor(rollWording),
          name: t(`ratingCategories.${key}.name`),
          onTheRoll: t.rich("onTheRoll", { wording: rollWording, roll: rollWords }),
          meaning: t(`ratingCategories.${key}.meaning`),
        }))}
      />
    </article>
  );
}
