import type { OwnerNamesMode } from "@/lib/config";

// What each OWNER_NAMES mode lets out. Owner names are personal data (POPIA): the official site shows
// the first owner on a property's own row, so by default (`property`) we show a property's owners on
// its own page and detail resource and nowhere a list of names could be built from.

export type OwnerPolicy = {
  /** List rows (JSON), CSV and NDJSON exports carry firstOwner; sort=firstOwner is allowed. */
  inLists: boolean;
  /** `q` also matches owner names. */
  search: boolean;
  /** A property's own page and detail resource show its owners (unless the property is suppressed). */
  onProperty: boolean;
  /** Change records keep the names before and after an owner change (within OWNER_HISTORY_DAYS). */
  inHistory: boolean;
};

export function ownerPolicy(mode: OwnerNamesMode): OwnerPolicy {
  const full = mode === "full";
  return { inLists: full, search: full, onProperty: mode !== "hidden", inHistory: full };
}

/** Why a property's owners are or are not shown on its own page and detail resource. */
export type OwnerNamesShown = "shown" | "withheld-by-deployment" | "withheld-at-owner-request";

export function ownerNamesShown(mode: OwnerNamesMode, suppressed: boolean): OwnerNamesShown {
  if (!ownerPolicy(mode).onProperty) return "withheld-by-deployment";
  return suppressed ? "withheld-at-owner-request" : "shown";
}
