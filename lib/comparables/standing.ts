// Where a property stands among its comparables: value per m², its percentile, its change since the
// previous roll against theirs. Pure numbers; the words are in describe-standing.ts.

export type Priced = { marketValue: number | null; registeredExtent: number | null; previousMarketValue: number | null };

export type Standing = {
  valuePerM2: number | null;
  /** Share of the comparables with a lower value per m² (ties count half), 0 to 100; null without figures. */
  valuePerM2Percentile: number | null;
  /** Comparables with a value per m². */
  comparedCount: number;
  medianValuePerM2: number | null;
  changePercent: number | null;
  medianChangePercent: number | null;
  /** Comparables with a value on the previous roll too. */
  changeComparedCount: number;
};

export function valuePerM2(priced: Pick<Priced, "marketValue" | "registeredExtent">): number | null {
  const { marketValue, registeredExtent } = priced;
  if (marketValue === null || registeredExtent === null || registeredExtent <= 0) return null;
  return Math.round((marketValue / registeredExtent) * 100) / 100;
}

export function changePercent(priced: Pick<Priced, "marketValue" | "previousMarketValue">): number | null {
  const { marketValue, previousMarketValue } = priced;
  if (marketValue === null || previousMarketValue === null || previousMarketValue <= 0) return null;
  return Math.round(((marketValue - previousMarketValue) / previousMarketValue) * 1000) / 10;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(value: number, among: number[]): number | null {
  if (among.length === 0) return null;
  const below = among.filter((other) => other < value).length;
  const equal = among.filter((other) => other === value).length;
  return Math.round(((below + equal / 2) / among.length) * 1000) / 10;
}

const present = (values: (number | null)[]) => values.filter((value): value is number => value !== null);

export function standing(property: Priced, comparables: Priced[]): Standing {
  const own = valuePerM2(property);
  const perM2 = present(comparables.map(valuePerM2));
  const changes = present(comparables.map(changePercent));
  return {
    valuePerM2: own,
    valuePerM2Percentile: own === null ? null : percentile(own, perM2),
    comparedCount: perM2.length,
    medianValuePerM2: median(perM2),
    changePercent: changePercent(property),
    medianChangePercent: changes.length === 0 ? null : Math.round(median(changes)! * 10) / 10,
    changeComparedCount: changes.length,
  };
}
