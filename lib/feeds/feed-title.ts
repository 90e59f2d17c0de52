import { formatRand } from "@/lib/format/format-rand";
import type { FeedQuery } from "./feed-query-schema";

// What a feed follows, in words: its title in a feed reader.

const TITLE_TYPES = { full: "Full Title", sectional: "Sectional Title" } as const;

function range(low: number | undefined, high: number | undefined, show: (value: number) => string): string | null {
  if (low !== undefined && high !== undefined) return `${show(low)} to ${show(high)}`;
  if (low !== undefined) return `at least ${show(low)}`;
  if (high !== undefined) return `at most ${show(high)}`;
  return null;
}

/** "Changes: property 96150534 (GV 2022)", "Changes: PINETOWN · Residential (GV 2022)", "Changes: every property (GV 2022)". */
export function feedTitle(query: FeedQuery, rollLabel: string): string {
  const parts: string[] = [];
  if (query.rateNumber !== undefined) parts.push(/^(\d{8}|PIN:\d+)$/.test(query.rateNumber) ? `property ${query.rateNumber}` : `rate numbers ${query.rateNumber}…`);
  if (query.scheme !== undefined) parts.push(`scheme ${query.scheme.toUpperCase()}`);
  if (query.q !== undefined) parts.push(`“${query.q}”`);
  if (query.suburb !== undefined) parts.push(/^\d+$/.test(query.suburb) ? `suburb ${query.suburb}` : query.suburb);
  if (query.street !== undefined) parts.push(query.street);
  if (query.title !== undefined) parts.push(TITLE_TYPES[query.title]);
  if (query.useCode !== undefined) parts.push(`use code ${query.useCode}`);
  if (query.ratingCategory !== undefined) parts.push(query.ratingCategory);
  const value = range(query.minValue, query.maxValue, formatRand);
  if (value !== null) parts.push(`value ${value}`);
  const extent = range(query.minExtent, query.maxExtent, (m2) => `${m2} m²`);
  if (extent !== null) parts.push(`extent ${extent}`);
  return `Changes: ${parts.length > 0 ? parts.join(" · ") : "every property"} (${rollLabel})`;
}
