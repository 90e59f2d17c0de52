import type { Roll } from "@/lib/config";
import type { ValueChange } from "./detail-schema";

/** The roll's valuation year: gv2022 → 2022. */
export function rollYear(roll: Roll): number {
  return Number(roll.slice(2));
}

/** The change from the older roll's value to the newer one's, whichever of the two is asked about. */
export function valueChange(
  a: { roll: Roll; marketValue: number | null },
  b: { roll: Roll; marketValue: number | null },
): ValueChange {
  const [older, newer] = rollYear(a.roll) <= rollYear(b.roll) ? [a, b] : [b, a];
  if (older.marketValue === null || newer.marketValue === null) {
    return { from: older.roll, to: newer.roll, absolute: null, percent: null };
  }
  const absolute = newer.marketValue - older.marketValue;
  const percent = older.marketValue > 0 ? Math.round((absolute / older.marketValue) * 1000) / 10 : null;
  return { from: older.roll, to: newer.roll, absolute, percent };
}
