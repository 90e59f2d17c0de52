import type { SearchCriteria, SimProperty } from "./sim-types";

/** Whether a property matches the SearchResult.aspx filters (empty filters match everything). */
export function matchesCriteria(p: SimProperty, c: SearchCriteria): boolean {
  if (p.titleType !== c.roll) return false;
  if (c.volumeNo !== "" && p.volumeNo !== c.volumeNo.trim()) return false;
  if (c.rateNumber !== "" && !p.rateNumber.includes(c.rateNumber.trim())) return false;
  if (c.streetNo !== "" && (p.streetNumber ?? "").toUpperCase() !== c.streetNo.trim().toUpperCase()) return false;
  if (c.streetName !== "" && !(p.streetName ?? "").toUpperCase().includes(c.streetName.trim().toUpperCase())) return false;
  if (c.suburb !== "" && p.suburbId !== Number(c.suburb)) return false;
  if (c.erf !== "" && String(p.erfNumber) !== c.erf.trim()) return false;
  if (c.portion !== "" && String(p.portionNumber ?? "") !== c.portion.trim()) return false;
  if (c.deedsTown !== "" && p.deedsTownId !== Number(c.deedsTown)) return false;
  if (c.schemeName !== "" && p.schemeName !== c.schemeName) return false;
  // "Show whole scheme" lists every section of the chosen scheme.
  const wholeScheme = c.all && c.schemeName !== "";
  if (!wholeScheme && c.sectionNumber !== "" && String(p.sectionNumber ?? "") !== c.sectionNumber.trim()) return false;
  return true;
}

/** The site's row order: by rate number (empty first), then PIN. */
export function compareByRateNumber(a: SimProperty, b: SimProperty): number {
  if (a.rateNumber !== b.rateNumber) return a.rateNumber < b.rateNumber ? -1 : 1;
  return Number(a.pin) - Number(b.pin);
}
