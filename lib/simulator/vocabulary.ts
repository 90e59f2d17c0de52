import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseCsvRecords } from "./parse-csv";

/** Real-world words the generator draws from: taken from the samples of the live site. */
export interface Vocabulary {
  suburbs: readonly { sourceId: number; name: string }[];
  schemes: readonly string[];
  surnames: readonly string[];
  givenNames: readonly string[];
  companies: readonly string[];
  streetNames: readonly string[];
  farmNames: readonly string[];
  useCodes: readonly UseCodeEntry[];
}

export interface UseCodeEntry {
  code: number;
  description: string;
  ratingCategory: string;
  /** Relative frequency in the generated roll. */
  weight: number;
}

const COMPANY_MARKERS = /\b(CC|LTD|PTY|TRUST|MUNICIPALITY|MUNICIPALTY|GOVERNMENT|AFFAIRS|INV|INVESTMENTS|CORP|CO|TRUSTEES|ESTATES)\b|[&(]/;

/** Extra companies so that every owner-name quirk appears at small sizes too. */
const EXTRA_COMPANIES = [
  "R S A",
  "ETHEKWINI MUNICIPALITY",
  "KWAZULU HOUSING CO (PTY) LTD",
  "SMITH & NAIDOO PROPERTIES (PTY) LTD",
  "O'CONNOR FAMILY TRUST",
  "UMHLANGA ROCKS BODY CORPORATE (SECTIONAL)",
  "TRANSNET LTD",
];

/** Streets that carry the README's address examples. */
const EXTRA_STREETS = ["BRAESIDE ROAD", "ACACIA CRESCENT", "XOLANI NGCOBO WALK", "SOMERSET WAY", "MARINE PARADE"];

const EXTRA_FARMS = ["PIEZANG REVIER NO. 805", "RIET RIVIER NO. 842", "UITKOMST NO. 852", "SALEM NO. 1052"];

let cached: Vocabulary | null = null;

/** The samples folder of the repository, found from this file's location. */
export function samplesDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, "..", "..", "samples");
}

/** Loads (once) the vocabulary from `samples/`. */
export function loadVocabulary(): Vocabulary {
  if (cached) return cached;
  const read = (file: string) => parseCsvRecords(readFileSync(path.join(samplesDir(), file), "utf8"));
  cached = buildVocabulary({
    suburbRows: read("suburb-options.csv"),
    schemeRows: read("scheme-options.csv"),
    propertyRows: read("full-title-rows-ratenumber-534.csv"),
  });
  return cached;
}

/** Builds the vocabulary from parsed sample rows (pure; tested directly). */
export function buildVocabulary(input: {
  suburbRows: Record<string, string>[];
  schemeRows: Record<string, string>[];
  propertyRows: Record<string, string>[];
}): Vocabulary {
  const suburbs = input.suburbRows
    .filter((r) => r.value !== "" && r.text !== "AAA Testing" && /^\d+$/.test(r.value ?? ""))
    .map((r) => ({ sourceId: Number(r.value), name: (r.text ?? "").trim() }))
    .filter((s) => s.name !== "");

  const schemes = uniqueSorted(
    input.schemeRows.map((r) => (r.text ?? "").trim()).filter((t) => t !== "" && !t.startsWith("[--")),
  );

  const surnames: string[] = [];
  const givenNames: string[] = [];
  const companies: string[] = [];
  const streets: string[] = [...EXTRA_STREETS];
  const farms: string[] = [...EXTRA_FARMS];
  const useCounts = new Map<string, { code: number; description: string; ratingCategory: string; count: number }>();

  for (const row of input.propertyRows) {
    const owner = (row.first_owner ?? "").trim();
    if (owner !== "") {
      const words = owner.split(/\s+/);
      if (COMPANY_MARKERS.test(owner) || words.length < 2) companies.push(owner);
      else {
        if ((words[0] as string).length > 1) surnames.push(words[0] as string);
        givenNames.push(words.slice(1).join(" "));
      }
    }
    const street = streetNameOf(row.address ?? "");
    if (street) streets.push(street);
    const farm = /of the farm (.+)$/.exec(row.legal_description ?? "");
    if (farm?.[1]) farms.push(farm[1]);
    const use = /^(.*) \((\d+)\)$/.exec((row.use_code ?? "").trim());
    const category = (row.rating_category ?? "").trim();
    if (use && category !== "") {
      const key = `${use[2]}|${category}`;
      const entry = useCounts.get(key) ?? { code: Number(use[2]), description: use[1] as string, ratingCategory: category, count: 0 };
      entry.count++;
      useCounts.set(key, entry);
    }
  }
  // A floor on the weights keeps rare categories at about one percent each, even on small rolls.
  const useCodes = [...useCounts.values()]
    .sort((a, b) => a.code - b.code || a.ratingCategory.localeCompare(b.ratingCategory))
    .map((u) => ({ code: u.code, description: u.description, ratingCategory: u.ratingCategory, weight: Math.max(u.count, 12) }));

  return {
    suburbs,
    schemes,
    surnames: uniqueSorted(surnames),
    givenNames: uniqueSorted(givenNames),
    companies: uniqueSorted([...companies, ...EXTRA_COMPANIES]),
    streetNames: uniqueSorted(streets),
    farmNames: uniqueSorted(farms),
    useCodes,
  };
}

/** The street name of a displayed address (`10 211589 STREET, PINETOWN` → `211589 STREET`), if any. */
export function streetNameOf(address: string): string | null {
  const comma = address.lastIndexOf(",");
  if (comma < 0) return null;
  const left = address.slice(0, comma).replace(/\s+/g, " ").trim();
  // House numbers stay below 10 000; "66013 STREET" is a numbered street, not house 66013.
  const match = /^(\d{1,4}[A-Z]?) (.+)$/.exec(left);
  const name = match ? (match[2] as string) : left;
  if (name === "" || name === "UNKNOWN" || /^\d+$/.test(name) && !match) return null;
  return name;
}

function uniqueSorted(items: string[]): string[] {
  return [...new Set(items)].sort();
}
