import { z } from "zod";
import { optionalShape } from "@/lib/api/parse-query";
import { enumParam, integerParam, textParam } from "@/lib/api/query-parameters";
import { checkRanges, filterParameters, MAX_LIMIT, DEFAULT_LIMIT } from "@/lib/valuations/list-query-schema";
import { ROLL_ID_MESSAGE, ROLL_ID_PATTERN } from "@/lib/rolls/roll-id";

// The query parameters of GET /api/changes and GET /api/rolls/{roll}/unlinked, and `compare` of
// GET /api/stats: the one source for validation and the OpenAPI document. The schemas check a roll's
// form; which rolls exist is the registry's (roll-param.ts checks `against` and `compare` there).

export function rollIdParam(description: string) {
  return textParam({ maxLength: 8, pattern: ROLL_ID_PATTERN, patternMessage: ROLL_ID_MESSAGE, description, example: "gv2017" });
}

const afterParam = textParam({
  maxLength: 20,
  pattern: /^\d{1,19}$/,
  patternMessage: "is not a position this API issued",
  description: "Opaque position from `next` of the previous page.",
});

const pageParameters = {
  limit: integerParam({ minimum: 1, maximum: MAX_LIMIT, description: `Rows per page, 1 to ${MAX_LIMIT} (default ${DEFAULT_LIMIT}). Not for CSV.`, example: 100 }),
  after: afterParam,
  format: enumParam(["json", "csv"] as const, { description: "`csv` streams every row (no limit, no paging) as a download. Default `json`.", example: "csv" }),
};

export const changesParameters = {
  ...filterParameters,
  against: rollIdParam("Required. The roll to compare `roll` with (older or newer): each property's value on both, and the change from the older to the newer."),
  ...pageParameters,
};

type PagedInput = { against?: string; format?: "json" | "csv"; limit?: number; after?: string };

function requireAgainstAndPaging(value: PagedInput, ctx: z.RefinementCtx): void {
  if (value.against === undefined) ctx.addIssue({ code: "custom", path: ["against"], message: "is required" });
  if (value.format === "csv") {
    for (const name of ["limit", "after"] as const) {
      if (value[name] !== undefined) ctx.addIssue({ code: "custom", path: [name], message: "does not apply to a csv export" });
    }
  }
}

export const changesQuerySchema = z.strictObject(optionalShape(changesParameters)).superRefine((value, ctx) => {
  checkRanges(value, ctx);
  requireAgainstAndPaging(value, ctx);
});

export const unlinkedParameters = {
  against: rollIdParam("Required. The other roll of the pair: properties of `{roll}` with no link to any property of it."),
  suburb: filterParameters.suburb,
  ...pageParameters,
};

export const unlinkedQuerySchema = z.strictObject(optionalShape(unlinkedParameters)).superRefine(requireAgainstAndPaging);

export const compareParameter = {
  compare: rollIdParam(
    "Another roll: each group also gets `change`, how values moved between the two rolls (median, quartiles of the change in per cent, shares up, flat and down).",
  ),
};

export const unlinkedRollPathSchema = rollIdParam("The roll whose unlinked properties to list.");
