import { z } from "zod";
import { optionalShape } from "@/lib/api/parse-query";
import { textParam } from "@/lib/api/query-parameters";
import { checkRanges, filterParameters } from "@/lib/valuations/list-query-schema";

// The parameters of /api/feeds: the listing's filters (a feed follows any search), plus a sectional
// scheme. Removed properties are always followed: their removal is news.

const { includeRemoved: _includeRemoved, ...followedFilters } = filterParameters;

export const feedParameters = {
  ...followedFilters,
  scheme: textParam({
    maxLength: 200,
    description: "A sectional title scheme exactly as listed, e.g. `SS ALEC'S MEWS` (any case): every unit in it.",
    example: "SS ALEC'S MEWS",
  }),
};

export const feedQuerySchema = z.strictObject(optionalShape(feedParameters)).superRefine(checkRanges);

export type FeedQuery = z.output<typeof feedQuerySchema>;

/** Entries per feed: the newest changes (a reader keeps what it has already seen). */
export const FEED_ENTRIES = 100;
