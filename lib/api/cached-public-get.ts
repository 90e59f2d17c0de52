import { database, type Database } from "@/lib/db/client";
import { versionAndAsAt, type DataVersion } from "@/lib/valuations/data-version";
import { cacheHeaders, entityTag, isNotModified, notModifiedResponse } from "./caching";
import { publicGet, type PublicGetOptions, type RouteHandler } from "./public-get";

// A public read of the roll data, on top of publicGet (request log, rate limit, CORS, problems):
// parse the request, read the data version, answer 304 when the client's copy is current, else
// build the answer and give it the validators (ETag, Last-Modified, Cache-Control, Vary). So a
// route says only what it parses, what else selects the representation, and what it answers.

export type ReadContext<Roll extends string> = {
  db: Database;
  request: Request;
  url: URL;
  version: DataVersion;
  /** When the roll was last scraped successfully (null: never). */
  asAt: Date | null;
  /** The `meta` of every answer: the roll and its asAt. */
  meta: { roll: Roll; asAt: string | null };
};

export type CachedRead<Input extends { roll: string }, Context, Body> = {
  /** The typed input, or throw an ApiError (parseInput does); `roll` is the roll whose asAt the answer reports. */
  parse: (request: Request, context: Context) => Input | Promise<Input>;
  /** What selects the representation besides the path and query (a format, the owner-name mode): part of the ETag. */
  variant?: (input: Input) => string[];
  /** The Vary header of the answer and of its 304. */
  vary?: string;
  /** A JSON body, or a Response (a download) that the validators are added to. Throw an ApiError for a problem. */
  answer: (input: Input, read: ReadContext<Input["roll"]>) => Promise<Body | Response>;
};

export function cachedPublicGet<Input extends { roll: string }, Context = unknown, Body = unknown>(
  route: CachedRead<Input, Context, Body>,
  options: PublicGetOptions = {},
): RouteHandler<Context> {
  return publicGet<Context>(async (request, context) => {
    const input = await route.parse(request, context);
    const url = new URL(request.url);
    const db = database();
    // Two round trips: the validators (with asAt), then the answer.
    const { version, asAt } = await versionAndAsAt(db.pool, input.roll);
    const etag = entityTag(version.tag, [`${url.pathname}?${url.searchParams}`, ...(route.variant?.(input) ?? [])].join("\n"));
    const vary: Record<string, string> = route.vary ? { Vary: route.vary } : {};
    if (isNotModified(request.headers, etag, version.lastModified)) return notModifiedResponse(etag, version.lastModified, vary);

    const meta: ReadContext<Input["roll"]>["meta"] = { roll: input.roll, asAt: asAt?.toISOString() ?? null };
    const answer = await route.answer(input, { db, request, url, version, asAt, meta });
    const response = answer instanceof Response ? answer : Response.json(answer);
    for (const [name, value] of Object.entries({ ...cacheHeaders(etag, version.lastModified), ...vary })) response.headers.set(name, value);
    return response;
  }, options);
}
