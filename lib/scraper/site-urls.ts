import type { TitleType } from "@/lib/generated/prisma/enums";

// Paths on the site, relative to a roll's base URL. SearchResult.aspx wants all twelve parameters,
// always, in this order (a missing one is an HTTP 500); unlike the site's own JavaScript we encode
// every value, because scheme names contain "&" and "'".

const ROLL_PARAMETER: Record<TitleType, string> = { full: "1", sectional: "2" };

export type ResultQuery = {
  titleType: TitleType;
  suburbId?: string;
  volumeNo?: string;
  rateNumber?: string;
  schemeName?: string;
  /** "Show whole scheme": the only search the site's form sends with All=true (needs a scheme). */
  wholeScheme?: boolean;
};

const RESULTS_PAGE = "FramePages/SearchResult.aspx";

export function searchResultPath(query: ResultQuery): string {
  if (query.wholeScheme && !query.schemeName) throw new Error("a whole-scheme search needs a scheme name (the site's form refuses it without one)");
  const parameters: [string, string][] = [
    ["Roll", ROLL_PARAMETER[query.titleType]],
    ["VolumeNo", query.volumeNo ?? ""],
    ["RateNumber", query.rateNumber ?? ""],
    ["StreetNo", ""],
    ["StreetName", ""],
    ["Suburb", query.suburbId ?? ""],
    ["ERF", ""],
    ["Portion", ""],
    ["DeedsTown", ""],
    ["SchemeName", query.schemeName ?? ""],
    ["SectionNumber", ""],
    ["All", query.wholeScheme ? "true" : "false"],
  ];
  const search = parameters.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join("&");
  return `${RESULTS_PAGE}?${search}`;
}

export const SEARCH_TYPE_PATH = "FramePages/SearchType.aspx";

export function criteriaPath(titleType: TitleType): string {
  return titleType === "full" ? "FramePages/SearchCrit.aspx" : "FramePages/SearchCrit2.aspx";
}

/**
 * The path (relative to the roll's base URL) of a property profile link exactly as a results page
 * gave it: resolved against the results page's own URL, as a browser would. PType/FType come from
 * the site's database, so the link is never rebuilt. A link that leaves the roll's site is refused.
 */
export function detailLinkPath(href: string, baseUrl: string): string {
  const resolved = new URL(href, new URL(RESULTS_PAGE, baseUrl));
  const base = new URL(baseUrl);
  if (resolved.origin !== base.origin || !resolved.pathname.startsWith(base.pathname)) {
    throw new Error(`the profile link "${href}" leads off the site (${resolved.toString()})`);
  }
  return `${resolved.pathname.slice(base.pathname.length)}${resolved.search}`;
}

// Volume numbers partition a roll: a suburb too large for one answer is fetched volume by volume.
export const VOLUME_NUMBERS: readonly string[] = Array.from({ length: 89 }, (_, i) => String(i + 1).padStart(2, "0"));
