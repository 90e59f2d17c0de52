import type { RollId } from "@/lib/rolls/roll-id";
import type { ValueChange } from "./detail-schema";

type RollValue = { roll: RollId; marketValue: number | null; /** The roll's effective date, YYYY-MM-DD (the registry's). */ effectiveFrom: string };

/** The change from the older roll's value to the newer one's (by the rolls' effective dates), whichever of the two is asked about. */
export function valueChange(a: RollValue, b: RollValue): ValueChange {
  const [older, newer] = a.effectiveFrom <= b.effectiveFrom ? [a, b] : [b, a];
  if (older.marketValue === null || newer.marketValue === null) {
    return { from: older.roll, to: newer.roll, absolute: null, percent: null };
  }
  const absolute = newer.marketValue - older.marketValue;
  const percent = older.marketValue > 0 ? Math.round((absolute / older.marketValue) * 1000) / 10 : null;
  return { from: older.roll, to: newer.roll, absolute, percent };
}
