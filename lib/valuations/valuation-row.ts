import type { DisplayedCells } from "@/lib/scraper/parse-results";

// The columns every valuation query selects, and the row pg returns for them (BIGINT and NUMERIC
// arrive as numbers: lib/db/client.ts sets the type parsers).

export const VALUATION_COLUMNS = [
  "id", "roll", "title_type", "rate_number", "pin", "suburb_id", "suburb_name", "displayed",
  "legal_description", "erf_number", "portion_number", "is_remainder", "township", "is_farm",
  "scheme_name", "section_number", "address", "street_number", "street_name", "locality",
  "first_owner", "use_code", "use_description", "rating_category", "market_value", "registered_extent",
  "first_seen_at", "last_seen_at", "last_changed_at", "removed_at",
] as const;

export type ValuationRow = {
  id: number;
  roll: string;
  title_type: "full" | "sectional";
  rate_number: string;
  pin: string | null;
  suburb_id: string;
  suburb_name: string;
  displayed: DisplayedCells;
  legal_description: string;
  erf_number: string | null;
  portion_number: string | null;
  is_remainder: boolean;
  township: string | null;
  is_farm: boolean;
  scheme_name: string | null;
  section_number: string | null;
  address: string;
  street_number: string | null;
  street_name: string | null;
  locality: string | null;
  first_owner: string | null;
  use_code: number | null;
  use_description: string | null;
  rating_category: string | null;
  market_value: number | null;
  registered_extent: number | null;
  first_seen_at: Date;
  last_seen_at: Date;
  last_changed_at: Date;
  removed_at: Date | null;
};

export function selectColumns(alias: string): string {
  return VALUATION_COLUMNS.map((column) => `${alias}.${column}`).join(", ");
}
