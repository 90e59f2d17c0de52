import { useTranslations } from "next-intl";
import type { RollId } from "@/lib/rolls/roll-id";
import type { Comparable } from "@/lib/comparables/comparables-schema";
import { comparableKey } from "@/lib/comparables/comparable-key";
import { ComparablesDataTable } from "./comparables-data-table";

// The comparables, one row each, as a resident would set them out in an objection; sorted in the
// browser by any column (comparables-data-table.tsx). Worded here, on the server, in the page's
// language, so the browser is not sent the catalogue.

type Props = { comparables: Comparable[]; roll: RollId; defaultRoll: RollId; previousRollLabel: string | null; linked?: boolean };

export function ComparablesTable({ comparables, roll, defaultRoll, previousRollLabel, linked = true }: Props) {
  const t = useTranslations("objection.table");
  const names = Object.fromEntries(
    comparables.map((c) => [comparableKey(c), c.sectionNumber ? t("section", { section: c.sectionNumber, rateNumber: c.rateNumber }) : `${c.rateNumber} · ${c.address || c.legalDescription}`]),
  );
  const labels = {
    caption: t("caption"),
    property: t("property"),
    marketValue: t("marketValue"),
    extent: t("extent"),
    perM2: t("perM2"),
    since: previousRollLabel ? t("since", { roll: previousRollLabel }) : null,
  };
  return <ComparablesDataTable comparables={comparables} names={names} labels={labels} roll={roll} defaultRoll={defaultRoll} linked={linked} />;
}
