import { cacheHeaders, entityTag, isNotModified, notModifiedResponse } from "@/lib/api/caching";
import { preflightResponse } from "@/lib/api/cors";
import { parseQuery } from "@/lib/api/parse-query";
import { invalidParameters, notFound, problemResponse } from "@/lib/api/problem";
import { publicGet } from "@/lib/api/public-get";
import type { ComparablesResponse } from "@/lib/comparables/comparables-schema";
import { loadComparables } from "@/lib/comparables/load-comparables";
import { config } from "@/lib/config";
import { database } from "@/lib/db/client";
import { versionAndAsAt } from "@/lib/valuations/data-version";
import { detailQuerySchema, rateNumberPathSchema } from "@/lib/valuations/detail-schema";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ rateNumber: string }> };

export const GET = publicGet(async (request: Request, context: Context) => {
  const url = new URL(request.url);
  const { rateNumber: rawRateNumber } = await context.params;
  const parsed = parseQuery(detailQuerySchema, url.searchParams);
  const rateNumber = rateNumberPathSchema.safeParse(rawRateNumber);
  const errors = [
    ...(rateNumber.success ? [] : [{ parameter: "rateNumber", message: rateNumber.error.issues[0]?.message ?? "is not valid" }]),
    ...(parsed.ok ? [] : parsed.errors),
  ];
  if (!parsed.ok || !rateNumber.success) return invalidParameters(errors);
  const roll = parsed.value.roll ?? config.DEFAULT_ROLL;
  const title = parsed.value.title;

  const db = database();
  const { version, asAt } = await versionAndAsAt(db.pool, roll);
  const etag = entityTag(version.tag, `${url.pathname}?${url.searchParams}`);
  if (isNotModified(request.headers, etag, version.lastModified)) return notModifiedResponse(etag, version.lastModified);

  const result = await loadComparables(db.pool, { rateNumber: rateNumber.data, roll, ...(title ? { title } : {}) });
  if (result.kind === "not-found") return notFound(`No property with rate number ${rateNumber.data} on ${roll}${title ? ` (${title} title)` : ""}.`);
  if (result.kind === "ambiguous") {
    return problemResponse({
      type: "/problems/ambiguous-rate-number",
      title: "More than one property has this rate number",
      status: 300,
      detail: `Rate number ${rateNumber.data} is on ${roll} as both a Full Title and a Sectional Title property: add title=full or title=sectional.`,
      choices: result.choices,
    });
  }
  const body: ComparablesResponse = { data: result.data, meta: { roll, asAt: asAt?.toISOString() ?? null } };
  return Response.json(body, { headers: cacheHeaders(etag, version.lastModified) });
});

export async function OPTIONS(): Promise<Response> {
  return preflightResponse();
}
