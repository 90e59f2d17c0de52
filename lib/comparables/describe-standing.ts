import { formatExtent } from "@/lib/format/format-extent";
import { formatNumber, formatPercentChange } from "@/lib/format/format-number";
import { formatRand } from "@/lib/format/format-rand";
import type { ExtentBand } from "./choose-comparables";
import type { Standing } from "./standing";

// Where a property stands, in sentences a resident understands.

export type Basis =
  | { kind: "scheme"; schemeName: string }
  | { kind: "suburb-use"; suburbName: string; use: string | null; band: ExtentBand | null };

/** Below this many figures a percentile says nothing worth reading. */
export const FEWEST_TO_COMPARE = 3;

export function describeBasis(basis: Basis, count: number): string {
  if (basis.kind === "scheme") return `${formatNumber(count)} other ${count === 1 ? "unit" : "units"} of ${basis.schemeName}`;
  const use = basis.use ? ` used as ${basis.use}` : " with the same use";
  const size = basis.band
    ? `, with an extent between ${formatExtent(Math.round(basis.band.min))} and ${formatExtent(Math.round(basis.band.max))}`
    : ", of any extent (this property has none on the roll)";
  return `${formatNumber(count)} ${count === 1 ? "property" : "properties"} in ${basis.suburbName}${use}${size}`;
}

const direction = (percent: number) => (percent > 0 ? "rose" : percent < 0 ? "fell" : "stayed the same");

export function describeStanding(standing: Standing, rollLabel: string, previousRollLabel: string | null): string[] {
  const sentences: string[] = [];
  if (standing.valuePerM2 === null) {
    sentences.push("This property has no value per m² on the roll (its value or extent is missing), so it cannot be placed among them.");
  } else if (standing.comparedCount < FEWEST_TO_COMPARE || standing.valuePerM2Percentile === null) {
    sentences.push(`It is valued at ${formatRand(Math.round(standing.valuePerM2))} per m²; too few of them have a value per m² to say where that stands.`);
  } else {
    const higherThan = Math.round(standing.valuePerM2Percentile);
    sentences.push(
      `It is valued at ${formatRand(Math.round(standing.valuePerM2))} per m², higher than ${higherThan}% of them ` +
        `(their median is ${formatRand(Math.round(standing.medianValuePerM2 ?? 0))} per m²).`,
    );
  }
  if (previousRollLabel !== null) {
    if (standing.changePercent === null) {
      sentences.push(`It has no value on ${previousRollLabel} under the same rate number to compare its change with.`);
    } else if (standing.medianChangePercent === null || standing.changeComparedCount < FEWEST_TO_COMPARE) {
      sentences.push(`From ${previousRollLabel} to ${rollLabel} its value ${direction(standing.changePercent)} (${formatPercentChange(standing.changePercent)}); too few of them were on ${previousRollLabel} to compare.`);
    } else {
      sentences.push(
        `From ${previousRollLabel} to ${rollLabel} its value ${direction(standing.changePercent)} (${formatPercentChange(standing.changePercent)}); ` +
          `the median change of the ${formatNumber(standing.changeComparedCount)} of them on both rolls was ${formatPercentChange(standing.medianChangePercent)}.`,
      );
    }
  }
  return sentences;
}
