import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/use-format";
import { OBJECTION_FACT_KEYS, type ObjectionFactKey } from "@/lib/objections/objection-fact-keys";

// What we were told about objecting to this roll, each fact with its source; a fact nobody entered
// is said to be unknown, never guessed. The facts' values and sources are as admins entered them.

type Fact = { key: ObjectionFactKey; value: string; source: string };
type PeriodState = "open" | "not-yet-open" | "closed" | "unknown";

const isDateKey = (key: ObjectionFactKey) => key === "period-opens" || key === "period-closes";
const PERIOD_STATE_KEY = { open: "open", "not-yet-open": "notYetOpen", closed: "closed", unknown: "unknown" } as const satisfies Record<PeriodState, string>;

export function ObjectionFactsList({ facts, periodState, rollLabel }: { facts: Fact[]; periodState: PeriodState; rollLabel: string }) {
  const t = useTranslations("objection.facts");
  const format = useFormat();
  const byKey = new Map(facts.map((fact) => [fact.key, fact]));
  return (
    <div className="space-y-2 print:space-y-0.5" data-testid="objection-facts">
      <p className="font-medium text-slate-950" data-period-state={periodState}>{t(`periodState.${PERIOD_STATE_KEY[periodState]}`)}</p>
      <dl className="space-y-2 text-sm print:space-y-0.5 print:text-[8.5pt]">
        {OBJECTION_FACT_KEYS.map((key) => {
          const fact = byKey.get(key);
          return (
            <div key={key}>
              <dt className="font-medium text-slate-900">{t(`labels.${key}`)}</dt>
              <dd className="text-slate-800">
                {fact ? (
                  <>
                    {isDateKey(key) ? format.date(`${fact.value}T12:00:00Z`) : fact.value}{" "}
                    <span className="text-slate-700">{t("source", { source: fact.source })}</span>
                  </>
                ) : (
                  t("notKnown", { roll: rollLabel })
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
