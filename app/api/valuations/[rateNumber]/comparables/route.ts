import { cachedPublicGet } from "@/lib/api/cached-public-get";
import { preflightResponse } from "@/lib/api/cors";
import { notFound } from "@/lib/api/problem";
import type { ComparablesResponse } from "@/lib/comparables/comparables-schema";
import { loadComparables } from "@/lib/comparables/load-comparables";
import { parseRollInput } from "@/lib/rolls/roll-param";
import { ambiguousRateNumber } from "@/lib/valuations/ambiguous-rate-number";
import { detailQuerySchema, rateNumberPathSchema } from "@/lib/valuations/detail-schema";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ rateNumber: string }> };

export const GET = cachedPublicGet({
  parse: async (request, context: Context) => {
    const path = { schemas: { rateNumber: rateNumberPathSchema }, values: await context.params };
    const { input, roll, registry } = await parseRollInput(detailQuerySchema, new URL(request.url).searchParams, path);
    return { rateNumber: input.rateNumber, roll, title: input.title, registry };
  },
  answer: async ({ rateNumber, roll, title, registry }, { db, meta }): Promise<ComparablesResponse> => {
    const result = await loadComparables(db.pool, registry, { rateNumber, roll, ...(title ? { title } : {}) });
    if (result.kind === "not-found") throw notFound(`No property with rate number ${rateNumber} on ${roll}${title ? ` (${title} title)` : ""}.`);
    if (result.kind === "ambiguous") throw ambiguousRateNumber(rateNumber, roll, result.choices);
    return { data: result.data, meta };
  },
});

export const OPTIONS = preflightResponse;
