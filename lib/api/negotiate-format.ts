// Picks the list's representation from an Accept header: JSON unless CSV or NDJSON is preferred.
// An Accept that names none of them gets JSON rather than a 406: scripts send odd headers.

export type NegotiatedFormat = "json" | "csv" | "ndjson";

const MEDIA_TYPES: Record<string, NegotiatedFormat> = {
  "application/json": "json",
  "application/*": "json",
  "*/*": "json",
  "text/csv": "csv",
  "application/x-ndjson": "ndjson",
  "application/ndjson": "ndjson",
};

export function negotiateFormat(accept: string | null): NegotiatedFormat {
  if (!accept) return "json";
  let best: { format: NegotiatedFormat; quality: number; specific: boolean } | null = null;
  for (const range of accept.split(",")) {
    const [mediaType = "", ...parameters] = range.split(";").map((part) => part.trim().toLowerCase());
    const format = MEDIA_TYPES[mediaType];
    if (!format) continue;
    const qParameter = parameters.find((parameter) => parameter.startsWith("q="));
    const quality = qParameter ? Number(qParameter.slice(2)) : 1;
    if (!Number.isFinite(quality) || quality <= 0) continue;
    const specific = !mediaType.includes("*");
    // Higher quality wins; on a tie an exact type beats a wildcard, then the first listed.
    if (!best || quality > best.quality || (quality === best.quality && specific && !best.specific)) {
      best = { format, quality, specific };
    }
  }
  return best?.format ?? "json";
}

/** The list's format: the `format` parameter when it is a valid one, else the Accept header. */
export function requestedFormat(params: URLSearchParams, accept: string | null): NegotiatedFormat {
  const format = params.get("format");
  return format === "json" || format === "csv" || format === "ndjson" ? format : negotiateFormat(accept);
}
