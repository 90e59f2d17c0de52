import { cachedPublicGet } from "@/lib/api/cached-public-get";
import { preflightResponse } from "@/lib/api/cors";
import { notFound } from "@/lib/api/problem";
import { config } from "@/lib/config";
import { parseRollInput } from "@/lib/rolls/roll-param";
import { ambiguousRateNumber } from "@/lib/valuations/ambiguous-rate-number";
import { detailQuerySchema, rateNumberPathSchema, type ValuationDetailResponse } from "@/lib/valuations/detail-schema";
import { getValuationDetail } from "@/lib/valuations/get-valuation-detail";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ rateNumber: string }> };

export const GET = cachedPublicGet({
  parse: async (request, context: Context) => {
    const path = { schemas: { rateNumber: rateNumberPathSchema }, values: await context.params };
    const { input, roll } = await parseRollInput(detailQuerySchema, new URL(request.url).searchParams, path);
    return { rateNumber: input.rateNumber, roll, title: input.title };
  },
  variant: () => [config.OWNER_NAMES],
  answer: async ({ rateNumber, roll, title }, { db, meta }): Promise<ValuationDetailResponse> => {
    const result = await getValuationDetail(
      db.pool,
      { rateNumber, roll, ...(title ? { title } : {}) },
      { ownerNames: config.OWNER_NAMES, ownerHistoryDays: config.OWNER_HISTORY_DAYS },
    );
    if (result.kind === "not-found") throw notFound(`No property with rate number ${rateNumber} on ${roll}${title ? ` (${title} title)` : ""}.`);
    if (result.kind === "ambiguous") throw ambiguousRateNumber(rateNumber, roll, result.choices);
    return { ...result.body, meta };
  },
});

export const OPTIONS = preflightResponse;
