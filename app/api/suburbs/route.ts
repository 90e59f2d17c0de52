import { cachedPublicGet } from "@/lib/api/cached-public-get";
import { preflightResponse } from "@/lib/api/cors";
import { parseRollInput } from "@/lib/rolls/roll-param";
import { listSuburbs, suburbsQuerySchema } from "@/lib/valuations/suburbs";

export const dynamic = "force-dynamic";

export const GET = cachedPublicGet({
  parse: async (request) => ({ roll: (await parseRollInput(suburbsQuerySchema, new URL(request.url).searchParams)).roll }),
  answer: async ({ roll }, { db, meta }) => ({ data: await listSuburbs(db.pool, roll), meta }),
});

export const OPTIONS = preflightResponse;
