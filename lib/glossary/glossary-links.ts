import glossary from "@/messages/en/glossary.json";

// Where a use code or a rating category is explained in the glossary (/glossary), for the links
// from a property's page. Only terms the glossary has get a link.

/** "Business & Commercial" → "business-commercial": a rating category's key in glossary.json and its anchor. */
export function ratingCategoryKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

export function useCodeAnchor(code: number): string {
  return `use-${code}`;
}

export function ratingCategoryAnchor(name: string): string {
  return `category-${ratingCategoryKey(name)}`;
}

/** The glossary's entry for a use code, or null when it has none. */
export function useCodeGlossaryHref(code: number | null): string | null {
  return code !== null && String(code) in glossary.useCodes ? `/glossary#${useCodeAnchor(code)}` : null;
}

/** The glossary's entry for a rating category, or null when it has none. */
export function ratingCategoryGlossaryHref(name: string | null): string | null {
  return name !== null && ratingCategoryKey(name) in glossary.ratingCategories ? `/glossary#${ratingCategoryAnchor(name)}` : null;
}
