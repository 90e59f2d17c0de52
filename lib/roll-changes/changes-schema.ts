import { z } from "zod";
import { UnlinkedPropertySchema } from "@/lib/roll-links/unlinked";
import { PropertyChangeSchema } from "./change-rows";

// The answers of GET /api/changes and GET /api/rolls/{roll}/unlinked.

const asAt = z.string().nullable().meta({ format: "date-time", description: "When the last successful scrape of `roll` finished." });
const next = z.string().nullable().meta({ description: "The next page (a path on this server), or null on the last page." });

export const ChangeListSchema = z
  .object({
    data: z.array(PropertyChangeSchema),
    next,
    meta: z.object({
      roll: z.string(),
      against: z.string(),
      basis: z.enum(["links", "rate-number"]).meta({ description: "`links` when the pair has been linked; else by title type and rate number." }),
      asAt,
    }),
  })
  .meta({ id: "ChangeList" });

export const UnlinkedListSchema = z
  .object({
    data: z.array(UnlinkedPropertySchema),
    next,
    meta: z.object({
      roll: z.string(),
      against: z.string(),
      status: z.enum(["new", "gone"]).meta({ description: "`new` when `roll` is the newer of the two, `gone` when it is the older." }),
      linkedAt: z.string().meta({ format: "date-time", description: "When the pair was last linked." }),
      asAt,
    }),
  })
  .meta({ id: "UnlinkedList" });

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8; header=present";

/** The next page's path: the same query with `after`. */
export function nextPath(url: URL, after: string | null): string | null {
  if (after === null) return null;
  const params = new URLSearchParams(url.searchParams);
  params.set("after", after);
  return `${url.pathname}?${params}`;
}
