import type glossary from "@/messages/en/glossary.json";

// The terms the glossary (/glossary) explains, in the roll's own wording: as the municipality's roll
// prints them, in English on every page, so that residents recognise them. Their plain-language
// names and meanings, in each language, are in messages/*/glossary.json under the same keys.

export type UseCodeKey = keyof typeof glossary.useCodes;
export type RatingCategoryKey = keyof typeof glossary.ratingCategories;

/** Each use code's description as the roll prints it ("Single Residential (15)" is code 15). */
export const USE_CODE_ROLL_WORDING: Record<UseCodeKey, string> = {
  "10": "Place of Worship",
  "15": "Single Residential",
  "16": "Multiple Residential",
  "20": "Homes (Nursing etc)",
  "21": "Hospitals",
  "37": "Recreation",
  "41": "Retail/Offices/Entertainment/ Restaurant",
  "42": "Mixed Use: > 2/3 Residential",
  "45": "Industrial",
  "47": "Vacant Land",
  "50": "Roads",
  "54": "Substations",
  "63": "Unauthorised/ Abandoned/ Illegal Usage",
  "71": "Durban Corporation (Rates in Rent)",
  "77": "Agricultural",
  "81": "Public Buildings",
  "85": "Quays",
  "95": "Development Phasing Line",
};

/** Each rating category as the roll prints it, in the glossary's order; keyed by ratingCategoryKey(). */
export const RATING_CATEGORY_ROLL_WORDING: Record<RatingCategoryKey, string> = {
  residential: "Residential",
  "business-commercial": "Business & Commercial",
  industrial: "Industrial",
  agricultural: "Agricultural",
  psi: "PSI",
  "state-trust-land": "State Trust Land",
  "vacant-land": "Vacant Land",
  "unauthorised-or-illegal-development-use": "Unauthorised or Illegal Development/Use",
};

/** The use codes in the glossary, by number. */
export function glossaryUseCodes(): { key: UseCodeKey; code: number; rollWording: string }[] {
  return (Object.keys(USE_CODE_ROLL_WORDING) as UseCodeKey[])
    .map((key) => ({ key, code: Number(key), rollWording: USE_CODE_ROLL_WORDING[key] }))
    .sort((a, b) => a.code - b.code);
}

/** The rating categories in the glossary, in the order above. */
export function glossaryRatingCategories(): { key: RatingCategoryKey; rollWording: string }[] {
  return (Object.keys(RATING_CATEGORY_ROLL_WORDING) as RatingCategoryKey[]).map((key) => ({ key, rollWording: RATING_CATEGORY_ROLL_WORDING[key] }));
}
