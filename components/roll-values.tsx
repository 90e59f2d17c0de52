import { useTranslations } from "next-intl";
import { formatPercentChange } from "@/lib/format/format-number";
import { formatRandChange } from "@/lib/format/format-rand";
import type { PropertyRoll } from "@/lib/roll-changes/property-rolls";
import { rollLabelOf } from "@/lib/roll-links/roll-order";
import type { RollId } from "@/lib/rolls/roll-id";
import { RollValuesTable } from "./roll-values-table";

// The property's value and category on every roll. Worded here, on the server, in the page's
// language; the table itself is a client component (roll-values-table.tsx).

/** The property's value and category on every roll, oldest first, with the change from the roll before. */
export function RollValues({ rolls, defaultRoll }: { rolls: PropertyRoll[]; defaultRoll: RollId }) {
  const t = useTranslations("property.rollValues");
  const changeText = (entry: PropertyRoll): string => {
    if (entry.change === null) return "—";
    const { absolute, percent, from } = entry.change;
    if (absolute === 0) return t("unchanged", { roll: rollLabelOf(from) });
    return t("changed", { roll: rollLabelOf(from), change: `${formatRandChange(absolute)}${percent !== null ? ` (${formatPercentChange(percent)})` : ""}` });
  };
  const rows = rolls.map((entry) => ({
    ...entry,
    note: [t(`linkedBy.${entry.linkedBy}`), t("rateNumber", { rateNumber: entry.rateNumber }), ...(entry.removedAt ? [t("noLongerOnRoll")] : [])].join(" · "),
    changeText: changeText(entry),
  }));
  const labels = {
    caption: t("caption"),
    roll: t("columns.roll"),
    property: t("columns.property"),
    marketValue: t("columns.marketValue"),
    ratingCategory: t("columns.ratingCategory"),
    change: t("columns.change"),
  };
  return <RollValuesTable rows={rows} defaultRoll={defaultRoll} labels={labels} />;
}
