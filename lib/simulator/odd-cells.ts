import { mixSeed } from "./random";
import type { SimProperty } from "./sim-types";

/** The two number columns of the results table the XSLT formats with `format-number`. */
export type NumberColumn = "marketValue" | "registeredExtent";

/**
 * A cell printed as the live site prints odd database values: `nan` (a NULL prints `NaN`),
 * `zero` (0 prints an empty cell), `negative` (`-1,234`). A correct scraper stores null for each.
 */
export interface OddCell {
  column: NumberColumn;
  kind: "nan" | "zero" | "negative";
  /** The value the database holds for this cell (null for a NULL). */
  value: number | null;
}

const KINDS = ["nan", "zero", "negative"] as const;

/** Which properties have an odd cell: a fixed share, chosen from the seed and the property's PIN. */
export function oddCellOf(seed: number, p: SimProperty, share: number): OddCell | null {
  if (share <= 0) return null;
  const pin = Number(p.pin);
  if ((mixSeed(seed, pin, 0x0dd0) % 1_000_000) / 1_000_000 >= share) return null;
  const pick = mixSeed(seed, pin, 0x0dd1);
  const column: NumberColumn = pick % 2 === 0 ? "marketValue" : "registeredExtent";
  const kind = KINDS[Math.floor(pick / 2) % KINDS.length] ?? "nan";
  const real = p[column];
  const value = kind === "nan" ? null : kind === "zero" ? 0 : -Math.abs(real !== null && real !== 0 ? real : column === "marketValue" ? 1000 : 1);
  return { column, kind, value };
}
