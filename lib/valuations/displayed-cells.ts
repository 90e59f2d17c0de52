// The eight cells of the site's results table, in the site's order, exactly as displayed (trimmed):
// the provenance of every typed field. The scraper reads them (lib/scraper/parse-results.ts), the
// store keeps them in `valuations.displayed` and compares them to record changes, the API answers them.

export const DISPLAYED_CELLS = [
  "rateNumber",
  "legalDescription",
  "address",
  "firstOwner",
  "useCode",
  "ratingCategory",
  "marketValue",
  "registeredExtent",
] as const;

export type DisplayedCell = (typeof DISPLAYED_CELLS)[number];
export type DisplayedCells = Record<DisplayedCell, string>;
