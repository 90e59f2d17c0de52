import type { Valuation } from "./valuation-schema";
import type { ValuationRow } from "./valuation-row";

/** The detail resource of one property: rate number in the path, roll and title type to pin it down. */
export function valuationHref(row: Pick<ValuationRow, "rate_number" | "roll" | "title_type">): string {
  const query = new URLSearchParams({ roll: row.roll, title: row.title_type });
  return `/api/valuations/${encodeURIComponent(row.rate_number)}?${query}`;
}

/**
 * One row as the API answers it. `owner`: `include` adds firstOwner (and the displayed cell),
 * `withhold` adds firstOwner as null (a suppressed property where names are listed), `omit` leaves
 * both out (lib/owners/owner-policy.ts decides which).
 */
export type OwnerField = "include" | "withhold" | "omit";

export function serialiseValuation(row: ValuationRow, owner: OwnerField): Valuation {
  const valuation = serialiseWithOwner(row);
  if (owner === "include") return valuation;
  const { firstOwner: _cell, ...displayed } = valuation.displayed;
  const { firstOwner: _owner, ...rest } = valuation;
  return { ...rest, ...(owner === "withhold" ? { firstOwner: null } : {}), displayed };
}

function serialiseWithOwner(row: ValuationRow): Valuation {
  return {
    roll: row.roll as Valuation["roll"],
    titleType: row.title_type,
    rateNumber: row.rate_number,
    pin: row.pin,
    suburbId: row.suburb_id,
    suburbName: row.suburb_name,
    legalDescription: row.legal_description,
    erfNumber: row.erf_number,
    portionNumber: row.portion_number,
    isRemainder: row.is_remainder,
    township: row.township,
    isFarm: row.is_farm,
    schemeName: row.scheme_name,
    sectionNumber: row.section_number,
    address: row.address,
    streetNumber: row.street_number,
    streetName: row.street_name,
    locality: row.locality,
    firstOwner: row.first_owner,
    useCode: row.use_code,
    useDescription: row.use_description,
    ratingCategory: row.rating_category,
    marketValue: row.market_value,
    registeredExtent: row.registered_extent,
    displayed: {
      rateNumber: row.displayed.rateNumber,
      legalDescription: row.displayed.legalDescription,
      address: row.displayed.address,
      firstOwner: row.displayed.firstOwner,
      useCode: row.displayed.useCode,
      ratingCategory: row.displayed.ratingCategory,
      marketValue: row.displayed.marketValue,
      registeredExtent: row.displayed.registeredExtent,
    },
    firstSeenAt: row.first_seen_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    lastChangedAt: row.last_changed_at.toISOString(),
    removedAt: row.removed_at?.toISOString() ?? null,
    href: valuationHref(row),
  };
}
