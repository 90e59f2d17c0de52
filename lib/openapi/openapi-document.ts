import { createSwaggerSpec } from "next-swagger-doc";
import type { z } from "zod";
import { HealthSchema } from "@/lib/api/health-schema";
import { ProblemSchema } from "@/lib/api/problem";
import {
  detailParameters,
  OtherRollSchema,
  rateNumberPathSchema,
  ValuationChangeSchema,
  ValuationDetailResponseSchema,
  ValuationDetailSchema,
  ValueChangeSchema,
} from "@/lib/valuations/detail-schema";
import { ComparableSchema, ComparablesResponseSchema, ComparablesSchema } from "@/lib/comparables/comparables-schema";
import { FEED_ENTRIES, feedParameters } from "@/lib/feeds/feed-query-schema";
import { filterParameters, listParameters } from "@/lib/valuations/list-query-schema";
import { SuburbListSchema, SuburbSchema, suburbsParameters } from "@/lib/valuations/suburbs";
import { DisplayedCellsSchema, ListMetaSchema, ValuationListSchema, ValuationSchema } from "@/lib/valuations/valuation-schema";
import { StatsGroupSchema, StatsSchema, statsParameters } from "@/lib/valuations/valuation-stats";
import { PropertyChangeSchema } from "@/lib/roll-changes/change-rows";
import { ChangeSummarySchema } from "@/lib/roll-changes/change-stats";
import { changesParameters, unlinkedParameters, unlinkedRollPathSchema } from "@/lib/roll-changes/changes-query";
import { ChangeListSchema, UnlinkedListSchema } from "@/lib/roll-changes/changes-schema";
import { PropertyRollSchema } from "@/lib/roll-changes/property-rolls";
import { UnlinkedPropertySchema } from "@/lib/roll-links/unlinked";
import { componentSchemas, parameterObjects } from "./json-schemas";
import { ROLL_VALUED_PARAMETERS } from "@/lib/rolls/roll-id";

// The OpenAPI 3.1 document of the public API, built from the zod schemas that validate requests
// and type responses, so the two cannot drift. next-swagger-doc assembles it; `apis: []` keeps it
// from scanning source files (and public/openapi.json itself) for annotations.

const ref = (schema: z.ZodType & { meta(): { id?: string } | undefined }) => ({ $ref: `#/components/schemas/${schema.meta()?.id}` });

const DESCRIPTION = `The property valuation roll of eThekwini (Durban), as published by the municipality, open as JSON.

**Paging.** Lists are keyset-paginated: follow \`next\` (also sent as a \`Link: <…>; rel="next"\` header) until it is
null. Keep the filters and sort; change only \`limit\` if you like. A cursor is valid for the query it came from.
\`next\` is absolute when the server knows its public address, else a path on this server (resolve it against the
URL you called).

\`\`\`sh
url='/api/valuations?suburb=PINETOWN&sort=-marketValue&limit=1000'
while [ "$url" != null ]; do
  curl -s "https://HOST$url" > page.json; jq -c '.data[]' page.json >> rows.ndjson
  url=$(jq -r '.next // "null" | sub("^https?://[^/]+"; "")' page.json)
done
\`\`\`
Or take everything in one download: \`format=csv\` or \`format=ndjson\` (no limit, no cursor).

**Search.** \`q\` searches rate numbers, addresses, legal descriptions and scheme names, never owner names unless the
server sets \`OWNER_NAMES=full\`.

**Owner names** are personal data (POPIA), so where they appear depends on the deployment's \`OWNER_NAMES\`:
- \`property\` (the default): a property's own resource, \`GET /api/valuations/{rateNumber}\`, shows its owners, as the
  municipality's site shows the first owner on that property's row. No list row, export, statistic, sort, cursor or
  history record carries a name: \`firstOwner\` is absent from list rows and exports, \`sort=firstOwner\` is a 400, and
  an owner change in the history reads \`fields: ["firstOwner"]\` with no names before or after.
- \`hidden\`: no owner name anywhere (\`ownerNames\` is \`withheld-by-deployment\`).
- \`full\` (the municipality's own deployment): list rows and exports carry \`firstOwner\`, \`sort=firstOwner\` is
  allowed, \`q\` also searches owner names, and history keeps the names of an owner change for \`OWNER_HISTORY_DAYS\`.

Whatever the mode, a property on the server's suppression list (an owner asked that their name be withheld) shows no
owner anywhere: \`ownerNames\` is \`withheld-at-owner-request\` and \`firstOwner\` is null.

**Errors** are \`application/problem+json\`: \`type\`, \`title\`, \`status\`, \`detail\`, and for 400 \`errors\` naming
each bad parameter. Unknown and repeated parameters are errors, not ignored. An unknown \`/api/…\` path answers
\`404\`; a method a path does not take answers \`405\` with \`Allow\` listing those it does.

**Caching.** Answers carry \`ETag\` and \`Last-Modified\`, which change when a scrape of the source finishes; send
\`If-None-Match\` to get \`304 Not Modified\`. \`Cache-Control: public, max-age=60\`. CORS is open to every origin.

**Rate limit.** Per client address, a token bucket (by default 600 requests a minute; an export counts as
many requests, by default 60). Every answer has \`RateLimit-Limit\`, \`RateLimit-Remaining\` and \`RateLimit-Reset\`
(seconds until the budget is full again); past the limit, \`429\` with \`Retry-After\` (seconds). Exports also
run a few at a time: a client may have only a couple in progress (another answers \`429\`), and when the server
is streaming as many as it allows, another answers \`503\` with \`Retry-After\`. An export whose reader stops
reading for a while (30 seconds by default) is ended.

**Ambiguous rate numbers.** A Full Title and a Sectional Title property can share a rate number on one roll.
\`GET /api/valuations/{rateNumber}\` then answers \`300 Multiple Choices\` with a problem body whose \`choices\` link to
each; pass \`title=full\` or \`title=sectional\`.`;

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ref(ProblemSchema) } },
});

const rateLimitHeaders = {
  "RateLimit-Limit": { description: "Requests allowed per minute.", schema: { type: "integer" } },
  "RateLimit-Remaining": { description: "Requests left now.", schema: { type: "integer" } },
  "RateLimit-Reset": { description: "Seconds until the budget is full again.", schema: { type: "integer" } },
};
const cacheHeaders = {
  ETag: { description: "Changes when the data (a finished scrape) or the request changes.", schema: { type: "string" } },
  "Last-Modified": { description: "When the last scrape finished.", schema: { type: "string" } },
  ...rateLimitHeaders,
};

const commonErrors = {
  "304": { description: "Not modified: your copy (If-None-Match / If-Modified-Since) is current.", headers: cacheHeaders },
  "400": problem("Bad parameters: each is named in `errors`."),
  "429": {
    ...problem("Too many requests from this client."),
    headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } }, ...rateLimitHeaders },
  },
  "500": problem("Our fault; logged."),
};

/** A CSV download refused because the server already streams as many as it allows. */
const exportsBusy = {
  ...problem("Exports only: the server is already streaming as many exports as it allows. Retry later, or page through the JSON."),
  headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } },
};

const COMPONENTS = [
  DisplayedCellsSchema,
  ValuationSchema,
  ListMetaSchema,
  ValuationListSchema,
  ValuationDetailSchema,
  ValuationChangeSchema,
  ValueChangeSchema,
  OtherRollSchema,
  ValuationDetailResponseSchema,
  ComparableSchema,
  ComparablesSchema,
  ComparablesResponseSchema,
  SuburbSchema,
  SuburbListSchema,
  StatsGroupSchema,
  StatsSchema,
  ChangeSummarySchema,
  PropertyRollSchema,
  PropertyChangeSchema,
  ChangeListSchema,
  UnlinkedPropertySchema,
  UnlinkedListSchema,
  HealthSchema,
  ProblemSchema,
];

export function openApiDefinition() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Durban Valuation Roll Explorer API",
      version: "1.0.0",
      description: DESCRIPTION,
      // The data is the municipality's public record: the licence points at where it publishes it.
      license: { name: "Data: eThekwini Municipality valuation roll (public record)", url: "http://valuation2022.durban.gov.za/" },
    },
    tags: [
      { name: "Valuations", description: "Properties on the valuation rolls." },
      { name: "Reference", description: "Suburbs and summary statistics." },
      { name: "Feeds", description: "Atom feeds of what changed, for feed readers." },
      { name: "Service", description: "Health and this document." },
    ],
    paths: {
      "/api/valuations": {
        get: {
          operationId: "listValuations",
          tags: ["Valuations"],
          summary: "Search and list valuations, or export them",
          parameters: parameterObjects(listParameters, "query"),
          responses: {
            "200": {
              description:
                "A page of rows (JSON), or with `format=csv|ndjson` (or that Accept type) every matching row as a download: " +
                "CSV with a header row (the typed fields, in JSON order; a text cell starting with `=`, `+`, `-`, `@`, tab or CR " +
                "gets a leading `'` so spreadsheets do not run it), or NDJSON with one `Valuation` object per line, unaltered.",
              headers: {
                Link: { description: 'The next page: `<url>; rel="next"`. Absent on the last page.', schema: { type: "string" } },
                "Content-Disposition": { description: "Exports: `attachment; filename=\"valuations-<roll>-<date>.<format>\"`.", schema: { type: "string" } },
                ...cacheHeaders,
              },
              content: {
                "application/json": { schema: ref(ValuationListSchema) },
                "text/csv": { schema: { type: "string" } },
                "application/x-ndjson": { schema: ref(ValuationSchema) },
              },
            },
            ...commonErrors,
            "429": {
              ...commonErrors["429"],
              description: "Too many requests from this client, or (exports) this client already has its share of exports in progress.",
            },
            "503": exportsBusy,
          },
        },
      },
      "/api/valuations/{rateNumber}": {
        get: {
          operationId: "getValuation",
          tags: ["Valuations"],
          summary: "One property: details, change history, other rolls",
          parameters: [
            ...parameterObjects({ rateNumber: rateNumberPathSchema }, "path"),
            ...parameterObjects(detailParameters, "query"),
          ],
          responses: {
            "200": { description: "The property.", headers: cacheHeaders, content: { "application/json": { schema: ref(ValuationDetailResponseSchema) } } },
            "300": problem("Both a Full Title and a Sectional Title property have this rate number: `choices` links to each; add `title`."),
            "404": problem("No property with this rate number on this roll."),
            ...commonErrors,
          },
        },
      },
      "/api/valuations/{rateNumber}/comparables": {
        get: {
          operationId: "getComparables",
          tags: ["Valuations"],
          summary: "Comparable properties, and where this one stands among them",
          description:
            "What a resident weighs before objecting to a value: for a sectional unit the other units of its scheme, for Full Title " +
            "the same suburb and use within an extent band widened until there are enough; each with value, extent, value per m² and " +
            "change since the previous roll; and the property's percentile and change against theirs. The property page shows the same numbers.",
          parameters: [
            ...parameterObjects({ rateNumber: rateNumberPathSchema }, "path"),
            ...parameterObjects(detailParameters, "query"),
          ],
          responses: {
            "200": { description: "The comparables.", headers: cacheHeaders, content: { "application/json": { schema: ref(ComparablesResponseSchema) } } },
            "300": problem("Both a Full Title and a Sectional Title property have this rate number: `choices` links to each; add `title`."),
            "404": problem("No property with this rate number on this roll."),
            ...commonErrors,
          },
        },
      },
      "/api/suburbs": {
        get: {
          operationId: "listSuburbs",
          tags: ["Reference"],
          summary: "Suburbs of a roll, with property counts per title type",
          parameters: parameterObjects(suburbsParameters, "query"),
          responses: {
            "200": { description: "Every suburb, by name.", headers: cacheHeaders, content: { "application/json": { schema: ref(SuburbListSchema) } } },
            ...commonErrors,
          },
        },
      },
      "/api/stats": {
        get: {
          operationId: "valuationStats",
          tags: ["Reference"],
          summary: "Market value statistics per suburb, use code or rating category, and with `compare` how they moved",
          description: "Takes the same filters as /api/valuations. With `compare=<roll>` each group also gets `change` (see ChangeSummary).",
          parameters: parameterObjects(statsParameters, "query"),
          responses: {
            "200": { description: "One entry per group.", headers: cacheHeaders, content: { "application/json": { schema: ref(StatsSchema) } } },
            ...commonErrors,
          },
        },
      },
      "/api/changes": {
        get: {
          operationId: "listChanges",
          tags: ["Valuations"],
          summary: "Each property's value on two rolls and the change, for any filter; or all of them as CSV",
          description:
            "Takes the filters of /api/valuations (they apply to `roll`) and `against`, the other roll. A property is paired with the " +
            "one it is on `against` through the links between the two rolls (one to one: a subdivided or joined erf has no single " +
            "value to compare); for a pair of rolls never linked, through the same title type and rate number (`meta.basis`).",
          parameters: parameterObjects(changesParameters, "query"),
          responses: {
            "200": {
              description: "A page of properties (JSON), or with `format=csv` every one as a download (the same fields as columns).",
              headers: { "Content-Disposition": { description: "CSV only: `attachment; filename=\"changes-<roll>-against-<roll>….csv\"`.", schema: { type: "string" } }, ...cacheHeaders },
              content: { "application/json": { schema: ref(ChangeListSchema) }, "text/csv": { schema: { type: "string" } } },
            },
            ...commonErrors,
            "503": exportsBusy,
          },
        },
      },
      "/api/rolls/{roll}/unlinked": {
        get: {
          operationId: "listUnlinked",
          tags: ["Valuations"],
          summary: "Properties of a roll with no counterpart on another: new on it, or gone since it",
          description:
            "With `roll` the newer of the two: the properties new on it (no property of `against` links to them). With `roll` the " +
            "older: the properties gone since (they link to nothing on `against`). A property that seems missing from a roll is " +
            "often here: made into a sectional scheme, joined with its neighbour, or given up to a road.",
          parameters: [...parameterObjects({ roll: unlinkedRollPathSchema }, "path"), ...parameterObjects(unlinkedParameters, "query")],
          responses: {
            "200": {
              description: "A page of properties (JSON), or with `format=csv` every one as a download.",
              headers: cacheHeaders,
              content: { "application/json": { schema: ref(UnlinkedListSchema) }, "text/csv": { schema: { type: "string" } } },
            },
            "409": problem("The two rolls have not been linked yet (a complete scrape of either links them)."),
            ...commonErrors,
            "503": exportsBusy,
          },
        },
      },
      "/api/feeds": {
        get: {
          operationId: "changesFeed",
          tags: ["Feeds"],
          summary: "An Atom feed of the changes to a property, a scheme, a suburb or any search",
          description:
            "One entry per change a scrape found (market value, category, use, added, removed, back on the roll), newest first, " +
            `at most ${FEED_ENTRIES}. Takes the filters of /api/valuations (removed properties are always followed), and \`scheme\`. ` +
            "Owner changes follow the server's OWNER_NAMES: names only with `full` (and not for properties whose owners asked " +
            "that their names be withheld), \"changed\" without names with `property`, not at all with `hidden`.",
          parameters: parameterObjects(feedParameters, "query"),
          responses: {
            "200": {
              description: "An Atom 1.0 document (RFC 4287).",
              headers: cacheHeaders,
              content: { "application/atom+xml": { schema: { type: "string" } } },
            },
            ...commonErrors,
          },
        },
      },
      "/api/health": {
        get: {
          operationId: "health",
          tags: ["Service"],
          summary: "Liveness (no database check, not rate limited)",
          responses: { "200": { description: "Up.", content: { "application/json": { schema: ref(HealthSchema) } } } },
        },
      },
      "/api/openapi.json": {
        get: {
          operationId: "openApiDocument",
          tags: ["Service"],
          summary: "This document",
          description: "Rate limited like the data. Its `ETag` changes with the document (a new release, a roll added) and the server it names; `Cache-Control: public, max-age=300`.",
          responses: {
            "200": {
              description: "OpenAPI 3.1.",
              headers: { ETag: { description: "Changes when the document does.", schema: { type: "string" } }, ...rateLimitHeaders },
              content: { "application/json": { schema: { type: "object" } } },
            },
            "304": { description: "Not modified: your copy (If-None-Match) is current.", headers: { ETag: { description: "The document's.", schema: { type: "string" } } } },
            "429": commonErrors["429"],
            "500": problem("Our fault (the roll registry could not be read); logged."),
          },
        },
      },
    },
    components: { schemas: componentSchemas(COMPONENTS) },
  };
}

type Parameter = { name?: string; schema?: Record<string, unknown> };

const isRollValued = (name: string | undefined): boolean => (ROLL_VALUED_PARAMETERS as readonly (string | undefined)[]).includes(name);

/** Every roll-valued parameter (`roll`, `compare`, `against`) limited to these rolls (the registry's: which there are is data, not code). */
function withRolls(document: Record<string, unknown>, rollIds: readonly string[]): Record<string, unknown> {
  const paths = document.paths as Record<string, Record<string, { parameters?: Parameter[] }>>;
  for (const operations of Object.values(paths)) {
    for (const operation of Object.values(operations)) {
      for (const parameter of operation.parameters ?? []) {
        if (isRollValued(parameter.name) && parameter.schema) parameter.schema = { ...parameter.schema, enum: [...rollIds] };
      }
    }
  }
  return document;
}

/** The document; `rollIds` (the registry's rolls) become the enum of each roll-valued parameter. */
export function buildOpenApiDocument(rollIds: readonly string[] = []): Record<string, unknown> {
  const document = createSwaggerSpec({ apis: [], definition: openApiDefinition() }) as Record<string, unknown>;
  return rollIds.length === 0 ? document : withRolls(document, rollIds);
}

/** The document as committed in public/openapi.json, with the rolls the registry is seeded with. */
export function serialiseOpenApiDocument(seedRollIds: readonly string[]): string {
  return `${JSON.stringify(buildOpenApiDocument(seedRollIds), null, 2)}\n`;
}
