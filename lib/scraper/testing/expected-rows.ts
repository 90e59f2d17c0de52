import { RESULT_COLUMNS } from "@/lib/simulator/display-property";
import { expectedCells, type ExpectedCells } from "@/lib/simulator/expected-cells";
import type { SimRoll } from "@/lib/simulator/sim-roll";
import type { SimProperty } from "@/lib/simulator/sim-types";

// The database row the scraper should have stored for a simulated property, built from the
// simulator's typed ground truth (not from its HTML), so a test compares the two independently.
// `truth` is the simulator's own expectedCells under its live switches (odd cells are null, the
// detail link carries the property's PType/FType); without it, the default profile's.

type Truth = (p: SimProperty) => ExpectedCells;
const DEFAULT_TRUTH: Truth = (p) => expectedCells(p, { oddCells: { share: 0 }, detailTypesFromData: false }, 0);

export type ExpectedRow = {
  rate_number: string;
  title_type: string;
  suburb_id: string;
  suburb_name: string;
  pin: string;
  detail_href: string;
  displayed: Record<string, string>;
  erf_number: string | null;
  portion_number: string | null;
  is_remainder: boolean;
  township: string | null;
  is_farm: boolean;
  scheme_name: string | null;
  section_number: string | null;
  street_number: string | null;
  street_name: string | null;
  locality: string;
  first_owner: string | null;
  use_code: number | null;
  use_description: string | null;
  rating_category: string | null;
  market_value: number | null;
  registered_extent: number | null;
};

export const EXPECTED_COLUMNS = [
  "rate_number", "title_type", "suburb_id", "suburb_name", "pin", "detail_href", "displayed", "erf_number", "portion_number",
  "is_remainder", "township", "is_farm", "scheme_name", "section_number", "street_number", "street_name",
  "locality", "first_owner", "use_code", "use_description", "rating_category", "market_value", "registered_extent",
] as const;

export function expectedRow(p: SimProperty, truth: Truth = DEFAULT_TRUTH): ExpectedRow {
  const full = p.titleType === "full";
  const shown = truth(p);
  const cells = shown.cells;
  return {
    rate_number: p.rateNumber === "" ? `PIN:${p.pin}` : p.rateNumber,
    title_type: p.titleType,
    suburb_id: String(p.suburbId),
    suburb_name: p.suburbName,
    pin: p.pin,
    detail_href: shown.detailHref,
    displayed: Object.fromEntries(RESULT_COLUMNS.map((column, i) => [column, (cells[i] ?? "").trim()])),
    erf_number: full ? String(p.erfNumber) : null,
    portion_number: full && p.portionNumber !== null ? String(p.portionNumber) : null,
    is_remainder: full && p.isRemainder,
    township: full ? p.township : null,
    is_farm: full && p.isFarm,
    scheme_name: full ? null : p.schemeName,
    section_number: full || p.sectionNumber === null ? null : String(p.sectionNumber),
    street_number: p.streetNumber,
    // The site's placeholder street ("UNKNOWN", "UNKNOWN UNKNOWN") is no street name.
    street_name: p.streetName === null || /^(UNKNOWN ?)+$/.test(p.streetName) ? null : p.streetName,
    locality: p.locality,
    first_owner: p.firstOwner,
    use_code: p.useCode,
    use_description: p.useCode === null ? null : p.useDescription,
    rating_category: p.ratingCategory,
    market_value: shown.marketValue,
    registered_extent: shown.registeredExtent,
  };
}

export function expectedRows(roll: SimRoll, truth: Truth = DEFAULT_TRUTH): Map<string, ExpectedRow> {
  const rows = new Map<string, ExpectedRow>();
  for (const p of roll.properties()) {
    const row = expectedRow(p, truth);
    rows.set(`${row.title_type}:${row.rate_number}`, row);
  }
  return rows;
}
