import { useTranslations } from "next-intl";
import { formatPercentChange } from "@/lib/format/format-number";
import { formatRandChange } from "@/lib/format/format-rand";
import type { PropertyRoll } from "@/lib/roll-changes/property-rolls";
import { rollLabel, type RollId, type RollOption } from "@/lib/rolls/roll-id";
import { RollValuesTable } from "./roll-values-table";

// The property's value and category on every roll. Worded here, on the server, in the page's
// language; the table itself is a client component (roll-values-table.tsx).

/**
 * The property's value and category on every roll, oldest first, with the change from the roll
 * before; `registered` (the registry's rolls) gives each roll its label.
 */
export function RollValues({ rolls, registered, defaultRoll }: { rolls: PropertyRoll[]; registered: RollOption[]; defaultRoll: RollId }) {
  const t = useTranslations("property.rollValues");
  const labelOf = (id: RollId) => rollLabel(registered, id);
  const changeText = (entry: PropertyRoll): string => {
    if (entry.change === null) return "—";
    const { absolute, percent, from, ratingCategory } = entry.change;
    const value =
      absolute === 0 ? t("unchanged", { roll: labelOf(from) }) : t("changed", { roll: labelOf(from), change: `${formatRandChange(absolute)}${percent !== null ? ` (${formatPercentChange(percent)})` : ""}` });
    return ratingCategory === null ? value : `${value}; ${t("categoryChanged", ratingCategory)}`;
  };
  const rows = rolls.map((entry) => ({
    ...entry,
    rollLabel: labelOf(entry.roll),
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
