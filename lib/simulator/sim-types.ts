/** Types shared by the simulator's generator, renderers and server. */

/** The four valuation rolls the simulator serves (oldest first in ROLL_IDS, roll-meta.ts). */
export type RollId = "gv2012" | "gv2017" | "gv2022" | "gv2026";

export type TitleType = "full" | "sectional";

/** How the live site happened to store an address (padding is kept in its display). */
export type AddressLayout = "plain" | "padded" | "double-space";

/** The two observed shapes of a Sectional Title legal description. */
export type SectionalLayout = "section-first" | "scheme-first";

/** Ground truth for one property on one roll; every displayed cell derives from it. */
export interface SimProperty {
  roll: RollId;
  /** The site's property id, used by the detail page (`SearchDeatils.aspx?id=`). */
  pin: string;
  /** 8-digit zero-padded; empty for about 1 in 2000 properties. */
  rateNumber: string;
  titleType: TitleType;
  suburbId: number;
  suburbName: string;
  /** "01".."89"; unrelated to the first digits of the rate number. */
  volumeNo: string;
  erfNumber: number;
  portionNumber: number | null;
  isRemainder: boolean;
  /** Township of the legal description, or the farm's name when isFarm. */
  township: string;
  isFarm: boolean;
  schemeName: string | null;
  sectionNumber: number | null;
  streetNumber: string | null;
  streetName: string | null;
  /** The address's locality: not always spelled like the township or the suburb. */
  locality: string;
  addressLayout: AddressLayout;
  sectionalLayout: SectionalLayout | null;
  firstOwner: string | null;
  /** 0–3 names; the first is firstOwner. */
  owners: string[];
  useCode: number | null;
  useDescription: string | null;
  ratingCategory: string | null;
  /** Whole rand; null where the site shows an empty cell. */
  marketValue: number | null;
  /** Square metres, up to 2 decimals. */
  registeredExtent: number | null;
  deedsTownId: number;
  // Detail-page-only fields.
  schemeNumber: string | null;
  governmentCode: string;
  exemptions: string;
  rebates: string;
  phasingIn: string;
  exclusions: string;
  sraCode: string;
  propertyType: string;
  /** The database's PropType: the detail link's `PType` (not the title type). */
  propType: number;
  /** The database's FormType (objection form): the detail link's `FType`. */
  formType: number;
}

export interface SimSuburb {
  /** 5-digit numeric id, as on the live site. */
  id: number;
  /** The option text as displayed (decoded; may contain `&` and `'`). */
  name: string;
  township: string;
  locality: string;
  /** The first of `volumeNos`. */
  volumeNo: string;
  /**
   * The volumes most of its properties are in: consecutive, more of them for a bigger suburb, so
   * that suburb × volume splits a big suburb into answers of a few hundred rows.
   */
  volumeNos: string[];
  deedsTownId: number;
}

export interface SimDeedsTown {
  id: number;
  name: string;
}

export interface SimScheme {
  name: string;
  suburbIndex: number;
  /** Sections 1..sections exist on the first roll with the scheme (gv2022 for the schemes it has). */
  sections: number;
  schemeNumber: string;
  erfNumber: number;
  streetNumber: string | null;
  streetName: string | null;
  addressLayout: AddressLayout;
  sectionalLayout: SectionalLayout;
}

/** The 12 SearchResult.aspx parameters, decoded. */
export interface SearchCriteria {
  roll: TitleType;
  volumeNo: string;
  rateNumber: string;
  streetNo: string;
  streetName: string;
  suburb: string;
  erf: string;
  portion: string;
  deedsTown: string;
  schemeName: string;
  sectionNumber: string;
  all: boolean;
}

/** One difference between two generations of the gv2022 roll (ground truth for history tests). */
export interface SimMutation {
  kind: "added" | "changed" | "removed";
  titleType: TitleType;
  rateNumber: string;
  pin: string;
  /** SimProperty fields that differ (changed only). */
  fields?: string[];
  /** Displayed result-table cells that differ (changed only). */
  cells?: string[];
}
