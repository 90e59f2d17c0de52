import type { SearchCriteria } from "./sim-types";

/** SearchResult.aspx's parameters, in the order the site's JavaScript sends them. */
export const RESULT_PARAMETERS = [
  "Roll",
  "VolumeNo",
  "RateNumber",
  "StreetNo",
  "StreetName",
  "Suburb",
  "ERF",
  "Portion",
  "DeedsTown",
  "SchemeName",
  "SectionNumber",
  "All",
] as const;
export type ResultParameter = (typeof RESULT_PARAMETERS)[number];

/** Why ASP.NET would fail on this query (each maps to a yellow 500 page). */
export type QueryError = "missing-parameter" | "bad-number" | "bad-boolean" | "bad-roll";

export type ParsedQuery = { ok: true; criteria: SearchCriteria } | { ok: false; error: QueryError };

/** Percent-decoding that never throws, with `+` as a space (like HttpUtility.UrlDecode). */
export function lenientDecode(value: string): string {
  const spaced = value.replace(/\+/g, " ");
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced.replace(/(%[0-9a-fA-F]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/**
 * Splits a raw query string into the known parameters. A browser sends scheme names unencoded
 * (`SchemeName=SS 4 A B & C THE AVENUE`), so a segment that does not start with a known `Name=`
 * belongs to the previous value. Names are case-insensitive, as in ASP.NET.
 */
export function splitRawQuery(rawQuery: string): Map<ResultParameter, string> {
  const byLowerName = new Map(RESULT_PARAMETERS.map((name) => [name.toLowerCase(), name]));
  const values = new Map<ResultParameter, string>();
  let current: ResultParameter | null = null;
  for (const segment of rawQuery.split("&")) {
    const eq = segment.indexOf("=");
    const name = eq >= 0 ? byLowerName.get(lenientDecode(segment.slice(0, eq)).toLowerCase()) : undefined;
    if (name !== undefined) {
      const value = segment.slice(eq + 1);
      // ASP.NET joins repeated parameters with commas.
      values.set(name, values.has(name) ? `${values.get(name)},${value}` : value);
      current = name;
    } else if (current !== null) {
      values.set(current, `${values.get(current) ?? ""}&${segment}`);
    }
  }
  for (const [name, raw] of values) values.set(name, lenientDecode(raw));
  return values;
}

/** Parses and validates a SearchResult.aspx query the way the live page fails on bad input. */
export function parseResultQuery(rawQuery: string): ParsedQuery {
  const values = splitRawQuery(rawQuery);
  for (const name of RESULT_PARAMETERS) if (!values.has(name)) return { ok: false, error: "missing-parameter" };
  const get = (name: ResultParameter) => values.get(name) ?? "";
  const roll = get("Roll").trim();
  if (!/^-?\d+$/.test(roll)) return { ok: false, error: "bad-number" };
  if (roll !== "1" && roll !== "2") return { ok: false, error: "bad-roll" };
  for (const name of ["Suburb", "DeedsTown"] as const) {
    if (get(name).trim() !== "" && !/^\d+$/.test(get(name).trim())) return { ok: false, error: "bad-number" };
  }
  const all = get("All").trim().toLowerCase();
  if (all !== "true" && all !== "false") return { ok: false, error: "bad-boolean" };
  return {
    ok: true,
    criteria: {
      roll: roll === "1" ? "full" : "sectional",
      volumeNo: get("VolumeNo"),
      rateNumber: get("RateNumber"),
      streetNo: get("StreetNo"),
      streetName: get("StreetName"),
      suburb: get("Suburb").trim(),
      erf: get("ERF"),
      portion: get("Portion"),
      deedsTown: get("DeedsTown").trim(),
      schemeName: get("SchemeName"),
      sectionNumber: get("SectionNumber"),
      all: all === "true",
    },
  };
}
