import { cachedPublicGet } from "@/lib/api/cached-public-get";
import { preflightResponse } from "@/lib/api/cors";
import { parseInput } from "@/lib/api/parse-query";
import { config } from "@/lib/config";
import { listSuburbs, suburbsQuerySchema } from "@/lib/valuations/suburbs";

export const dynamic = "force-dynamic";

export const GET = cachedPublicGet({
  parse: (request) => ({ roll: parseInput(suburbsQuerySchema, new URL(request.url).searchParams).roll ?? config.DEFAULT_ROLL }),
  answer: async ({ roll }, { db, meta }) => ({ data: await listSuburbs(db.pool, roll), meta }),
});

export const OPTIONS = preflightResponse;
