import { parseLegalDescription } from "@/lib/scraper/normalise-legal-description";

// The parcel a legal description names, as comparable keys. The rolls write the same parcel in
// slightly different ways (case, "of"/"OF", "No."/"NO", spacing, "SECTION 5 of SS X" against
// "SS X SECTION 5", leading zeros), so the parts are normalised before they are compared.

export type FullTitleParcel = {
  kind: "full";
  township: string;
  erf: string;
  /** Null for the whole erf (or its remainder). */
  portion: string | null;
  isRemainder: boolean;
};

export type SectionalParcel = { kind: "sectional"; scheme: string; section: string };

export type Parcel = FullTitleParcel | SectionalParcel;

function normaliseName(name: string): string {
  return name
    .toUpperCase()
    .replace(/\./g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function normaliseNumber(digits: string): string {
  return digits.replace(/^0+(?=.)/, "");
}

/** The parcel of a displayed legal description, or null when it fits no known form. */
export function parseParcel(legalDescription: string): Parcel | null {
  const parts = parseLegalDescription(legalDescription);
  if (parts.erfNumber !== null && parts.township !== null) {
    return {
      kind: "full",
      township: normaliseName(parts.township),
      erf: normaliseNumber(parts.erfNumber),
      portion: parts.portionNumber === null ? null : normaliseNumber(parts.portionNumber),
      isRemainder: parts.isRemainder,
    };
  }
  if (parts.schemeName !== null && parts.sectionNumber !== null) {
    return { kind: "sectional", scheme: normaliseName(parts.schemeName).replace(/^SS /, ""), section: normaliseNumber(parts.sectionNumber.toUpperCase()) };
  }
  return null;
}

/** Equal for two descriptions of the same parcel. */
export function parcelKey(parcel: Parcel): string {
  if (parcel.kind === "sectional") return `S|${parcel.scheme}|${parcel.section}`;
  return `F|${parcel.township}|${parcel.erf}|${parcel.portion ?? ""}|${parcel.isRemainder ? "R" : ""}`;
}

/** The erf a Full Title parcel lies on, whatever portion of it: what a subdivision keeps. */
export function erfKey(parcel: FullTitleParcel): string {
  return `F|${parcel.township}|${parcel.erf}`;
}
