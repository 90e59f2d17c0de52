import { z } from "zod";

// What one probe of the site found: the JSON the CLI writes, the admin page shows and
// site_probes.report stores. A schema (not only a type) because stored reports are read back.

export const PROBE_VERDICTS = ["ok", "degraded", "down"] as const;

/** Why a page could not be used, in the probe's words. */
export const PAGE_FAILURES = [
  "unreachable", // no connection (DNS, refused, reset, TLS)
  "timeout", // no first byte, or the body stalled, within the limit
  "database-down", // HTTP 500 with the ASP.NET SQL network error
  "database-timeout", // HTTP 500 with the SQL "Timeout expired" (the query took too long)
  "database-busy", // HTTP 500: no free connection in the site's database pool
  "server-error", // another HTTP 5xx
  "http-status", // any other status that is not 200
  "too-large", // the answer passed the probe's size limit
  "layout", // the page does not have the shape the scraper reads
  "redirect", // a redirect the scraper would not follow (another host, a loop, too many)
  "charset", // a charset the probe cannot decode
] as const;
export type PageFailure = (typeof PAGE_FAILURES)[number];

const redirectSchema = z.object({ status: z.number().int(), from: z.string(), to: z.string() });
export type RedirectHop = z.infer<typeof redirectSchema>;

const probePageSchema = z.object({
  /** What the page was for, e.g. "criteria page (Full Title)". */
  label: z.string(),
  url: z.string(),
  /** The final status, after redirects; null when nothing answered. */
  status: z.number().int().nullable(),
  /** From sending the request to the first byte of the answer's headers. */
  firstByteMs: z.number().nullable(),
  totalMs: z.number(),
  bytes: z.number().int(),
  contentType: z.string().nullable(),
  /** The Content-Type's charset, or null when the answer names none. */
  charset: z.string().nullable(),
  redirects: z.array(redirectSchema),
  failure: z.enum(PAGE_FAILURES).nullable(),
  /** A plain sentence about the failure, or null. */
  error: z.string().nullable(),
});
export type ProbePage = z.infer<typeof probePageSchema>;

const tlsSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("plain-http") }),
  z.object({
    kind: z.literal("tls"),
    protocol: z.string().nullable(),
    subject: z.string().nullable(),
    issuer: z.string().nullable(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    daysLeft: z.number().nullable(),
    /** Whether Node's default trust store (plus NODE_EXTRA_CA_CERTS) accepts the chain. */
    trusted: z.boolean(),
    trustError: z.string().nullable(),
  }),
  z.object({ kind: z.literal("error"), message: z.string() }),
]);
export type ProbeTls = z.infer<typeof tlsSchema>;

const resultsAnswerSchema = z.object({
  url: z.string(),
  /** The caption's "Total found records" (rows sent, not rows matching); 0 for "No Match". */
  caption: z.number().int().nullable(),
  rows: z.number().int().nullable(),
  banner: z.boolean(),
  noMatch: z.boolean(),
  firstByteMs: z.number().nullable(),
  error: z.string().nullable(),
});
export type ResultsAnswer = z.infer<typeof resultsAnswerSchema>;

export const probeReportSchema = z.object({
  version: z.literal(1),
  roll: z.string(),
  baseUrl: z.string(),
  userAgent: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  verdict: z.enum(PROBE_VERDICTS),
  /** Plain sentences, the most important first: why the verdict is what it is. */
  explanations: z.array(z.string()),
  /** Notes that do not change the verdict (the All=false/All=true difference, a missing charset…). */
  notes: z.array(z.string()),
  reachable: z.boolean(),
  redirects: z.array(redirectSchema),
  httpToHttps: z.boolean(),
  tls: tlsSchema,
  pages: z.array(probePageSchema),
  asAt: z.object({ valuations: z.string().nullable(), ownership: z.string().nullable() }).nullable(),
  criteria: z.object({
    full: z.object({ suburbs: z.number().int(), examples: z.array(z.string()), volumes: z.number().int() }).nullable(),
    sectional: z
      .object({ suburbs: z.number().int(), schemes: z.number().int(), exampleSchemes: z.array(z.string()) })
      .nullable(),
  }),
  suburb: z
    .object({
      id: z.string(),
      name: z.string(),
      titleType: z.enum(["full", "sectional"]),
      /** The suburbs tried before this one, with why each was passed over. */
      passedOver: z.array(z.object({ id: z.string(), name: z.string(), reason: z.string() })),
      allFalse: resultsAnswerSchema,
      allTrue: resultsAnswerSchema.nullable(),
    })
    .nullable(),
  volume: z
    .object({ volumeNo: z.string(), suburbId: z.string().nullable(), answer: resultsAnswerSchema })
    .nullable(),
  details: z
    .object({
      href: z.string(),
      url: z.string(),
      rateNumber: z.string().nullable(),
      marketValue: z.number().nullable(),
      owners: z.number().int(),
      error: z.string().nullable(),
    })
    .nullable(),
});
export type ProbeReport = z.infer<typeof probeReportSchema>;
