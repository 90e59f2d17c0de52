import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { config } from "@/lib/config";
import { database } from "@/lib/db/client";
import { getFormat } from "@/lib/i18n/get-format";
import { rollRegistry, type RegisteredRoll } from "@/lib/rolls/roll-registry";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("about");
  return { title: t("metaTitle") };
}

// What this page says depends on the deployment's settings, read at request time.
export const dynamic = "force-dynamic";

// The fields explained, in order; their words are in messages/*/about.json under "fields".
const FIELDS = ["rateNumber", "legalDescription", "address", "use", "ratingCategory", "marketValue", "registeredExtent", "firstOwner"] as const;

/** Where the data comes from, how fresh it is, what the fields mean, and how owner names are treated. */
export default async function AboutPage() {
  const { rolls } = await rollRegistry(database());
  const t = await getTranslations("about");
  const format = await getFormat();

  /** "valuation date 2 July 2021; in force from 1 July 2022 to 30 June 2026", from what the registry knows. */
  const rollDates = (roll: RegisteredRoll): string => {
    const day = (date: string) => format.date(`${date}T12:00:00Z`);
    const valued = roll.valuationDate ? `${t("source.valued", { date: day(roll.valuationDate) })}; ` : "";
    const inForce = roll.effectiveTo
      ? t("source.inForceUntil", { from: day(roll.effectiveFrom), to: day(roll.effectiveTo) })
      : t("source.inForce", { from: day(roll.effectiveFrom) });
    const planned = roll.status === "planned" ? ` ${t("source.planned")}` : "";
    return `${valued}${inForce}${planned}`;
  };

  return (
    <article className="max-w-3xl space-y-8 text-slate-900">
      <header>
        <h1 className="text-2xl font-bold text-slate-950 sm:text-3xl">{t("title")}</h1>
      </header>

      <section aria-labelledby="source-heading" className="space-y-2">
        <h2 id="source-heading" className="text-xl font-semibold text-slate-950">
          {t("source.heading")}
        </h2>
        <p>
          {t.rich("source.text", {
            link: (chunks) => (
              <a href="/docs" className="text-blue-800 underline">
                {chunks}
              </a>
            ),
          })}
        </p>
        <ul className="ml-5 list-disc" data-testid="roll-dates">
          {rolls.map((roll) => (
            <li key={roll.id}>
              {roll.label}: {rollDates(roll)}.
            </li>
          ))}
        </ul>
        <p>{t("source.official")}</p>
      </section>

      <section aria-labelledby="fresh-heading" className="space-y-2">
        <h2 id="fresh-heading" className="text-xl font-semibold text-slate-950">
          {t("fresh.heading")}
        </h2>
        <p>{t("fresh.nightly")}</p>
        <p>{t("fresh.changes")}</p>
      </section>

      <section aria-labelledby="fields-heading" className="space-y-2">
        <h2 id="fields-heading" className="text-xl font-semibold text-slate-950">
          {t("fields.heading")}
        </h2>
        <dl className="space-y-3">
          {FIELDS.map((field) => (
            <div key={field}>
              <dt className="font-semibold">{t(`fields.${field}.term`)}</dt>
              <dd className="text-slate-800">{t(`fields.${field}.meaning`)}</dd>
            </div>
          ))}
        </dl>
        <p>
          {t.rich("fields.numbers", {
            link: (chunks) => (
              <Link href="/suburbs" className="text-blue-800 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
        <p>{t("fields.csv")}</p>
      </section>

      <section id="owner-names" aria-labelledby="privacy-heading" className="space-y-3">
        <h2 id="privacy-heading" className="text-xl font-semibold text-slate-950">
          {t("privacy.heading")}
        </h2>
        <p>{t("privacy.publicRecord")}</p>
        <h3 className="font-semibold text-slate-950">{t("privacy.shownHeading")}</h3>
        <p data-testid="owner-names-mode">{t(`privacy.shown.${config.OWNER_NAMES}`)}</p>
        <h3 className="font-semibold text-slate-950">{t("privacy.notDoneHeading")}</h3>
        <ul className="ml-5 list-disc space-y-1">
          {config.OWNER_NAMES !== "full" && <li>{t("privacy.noOwnerSearch")}</li>}
          {config.OWNER_NAMES !== "full" && <li>{t("privacy.noLists")}</li>}
          <li>{t("privacy.noSearchTerms")}</li>
          {!config.SEARCH_ENGINE_INDEXING && <li>{t("privacy.noIndexing")}</li>}
        </ul>
        <h3 className="font-semibold text-slate-950">{t("privacy.keepHeading")}</h3>
        <p>
          {t("privacy.keepCurrent")}{" "}
          {config.OWNER_NAMES === "full"
            ? t("privacy.keepHistoryDays", { days: format.number(config.OWNER_HISTORY_DAYS) })
            : t("privacy.keepNoHistory")}
        </p>
        <h3 className="font-semibold text-slate-950">{t("privacy.withholdHeading")}</h3>
        <p>
          {t.rich("privacy.withhold", {
            link: (chunks) => (
              <a href="https://www.durban.gov.za/" className="text-blue-800 underline">
                {chunks}
              </a>
            ),
          })}
        </p>
      </section>
    </article>
  );
}
