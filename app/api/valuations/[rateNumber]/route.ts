import { cacheHeaders, entityTag, isNotModified, notModifiedResponse } from "@/lib/api/caching";
import { preflightResponse } from "@/lib/api/cors";
import { parseQuery } from "@/lib/api/parse-query";
import { invalidParameters, notFound, problemResponse } from "@/lib/api/problem";
import { publicGet } from "@/lib/api/public-get";
import { config } from "@/lib/config";
import { database } from "@/lib/db/client";
import { queryErrors, resolveRollParam } from "@/lib/rolls/roll-param";
import { rollRegistry } from "@/lib/rolls/roll-registry";
import { versionAndAsAt } from "@/lib/valuations/data-version";
import { detailQuerySchema, rateNumberPathSchema, type ValuationDetailResponse } from "@/lib/valuations/detail-schema";
import { getValuationDetail } from "@/lib/valuations/get-valuation-detail";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ rateNumber: string }> };

export const GET = publicGet(async (request: Request, context: Context) => {
  const url = new URL(request.url);
  const { rateNumber: rawRateNumber } = await context.params;
  const parsed = parseQuery(detailQuerySchema, url.searchParams);
  const rateNumber = rateNumberPathSchema.safeParse(rawRateNumber);
  const db = database();
  const resolved = resolveRollParam(url.searchParams, await rollRegistry(db));
  const errors = queryErrors(
    url.searchParams,
    rateNumber.success ? [] : [{ parameter: "rateNumber", message: rateNumber.error.issues[0]?.message ?? "is not valid" }],
    parsed.ok ? [] : parsed.errors,
    resolved.ok ? [] : resolved.errors,
  );
  if (!parsed.ok || !rateNumber.success || !resolved.ok) return invalidParameters(errors);
  const roll = resolved.roll;
  const title = parsed.value.title;

  // Two round trips: the validators (with asAt), then the property with its history and other rolls.
  const { version, asAt } = await versionAndAsAt(db.pool, roll);
  const etag = entityTag(version.tag, `${url.pathname}?${url.searchParams}\n${config.OWNER_NAMES}`);
  if (isNotModified(request.headers, etag, version.lastModified)) return notModifiedResponse(etag, version.lastModified);

  const result = await getValuationDetail(
    db.pool,
    { rateNumber: rateNumber.data, roll, ...(title ? { title } : {}) },
    { ownerNames: config.OWNER_NAMES, ownerHistoryDays: config.OWNER_HISTORY_DAYS },
  );
  if (result.kind === "not-found") {
    return notFound(`No property with rate number ${rateNumber.data} on ${roll}${title ? ` (${title} title)` : ""}.`);
  }
  if (result.kind === "ambiguous") {
    return problemResponse({
      type: "/problems/ambiguous-rate-number",
      title: "More than one property has this rate number",
      status: 300,
      detail: `Rate number ${rateNumber.data} is on ${roll} as both a Full Title and a Sectional Title property: add title=full or title=sectional.`,
      choices: result.choices,
    });
  }
  const body: ValuationDetailResponse = { ...result.body, meta: { roll, asAt: asAt?.toISOString() ?? null } };
  return Response.json(body, { headers: cacheHeaders(etag, version.lastModified) });
});

export async function OPTIONS(): Promise<Response> {
  return preflightResponse();
}
