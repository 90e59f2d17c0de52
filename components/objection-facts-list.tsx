import { formatDate } from "@/lib/format/format-date";
import { OBJECTION_FACT_KEYS, OBJECTION_FACT_LABELS, type ObjectionFactKey } from "@/lib/objections/objection-fact-keys";

// What we were told about objecting to this roll, each fact with its source; a fact nobody entered
// is said to be unknown, never guessed.

type Fact = { key: ObjectionFactKey; value: string; source: string };

const isDateKey = (key: ObjectionFactKey) => key === "period-opens" || key === "period-closes";
const PERIOD_STATE_TEXT = {
  open: "The objection period is open.",
  "not-yet-open": "The objection period has not opened yet.",
  closed: "The objection period has closed: ask the municipality what can still be done.",
  unknown: "We have not been told the objection period for this roll: ask the municipality before relying on any date.",
} as const;

export function ObjectionFactsList({ facts, periodState, rollLabel }: { facts: Fact[]; periodState: keyof typeof PERIOD_STATE_TEXT; rollLabel: string }) {
  const byKey = new Map(facts.map((fact) => [fact.key, fact]));
  return (
    <div className="space-y-2 print:space-y-0.5" data-testid="objection-facts">
      <p className="font-medium text-slate-950" data-period-state={periodState}>{PERIOD_STATE_TEXT[periodState]}</p>
      <dl className="space-y-2 text-sm print:space-y-0.5 print:text-[8.5pt]">
        {OBJECTION_FACT_KEYS.map((key) => {
          const fact = byKey.get(key);
          return (
            <div key={key}>
              <dt className="font-medium text-slate-900">{OBJECTION_FACT_LABELS[key]}</dt>
              <dd className="text-slate-800">
                {fact ? (
                  <>
                    {isDateKey(key) ? formatDate(`${fact.value}T12:00:00Z`) : fact.value}{" "}
                    <span className="text-slate-700">(source: {fact.source})</span>
                  </>
                ) : (
                  `Not known to us for ${rollLabel}.`
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
