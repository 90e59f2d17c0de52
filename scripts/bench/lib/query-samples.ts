import { psql } from "./copy-baseline";

// What the API benchmarks ask for, drawn from the stored roll itself (deterministically, by hash
// order), so every query has answers at every scale.

export type QuerySamples = {
  suburbs: string[];
  addressFragments: string[];
  legalFragments: string[];
  rateNumberPrefixes: string[];
  details: { rateNumber: string; title: string }[];
};

function column(url: string, sql: string): string[] {
  return psql(url, sql).split("\n").filter((line) => line !== "");
}

const sample = (n: number) => `ORDER BY md5(id::text) LIMIT ${n}`;

export function querySamples(url: string): QuerySamples {
  return {
    suburbs: column(url, `SELECT suburb_name FROM (SELECT DISTINCT suburb_name FROM valuations) s ORDER BY md5(suburb_name) LIMIT 30`),
    // "12 smith": a street number and the street name's longest word, as someone would type it.
    addressFragments: column(
      url,
      `SELECT street_number || ' ' || lower((SELECT w FROM regexp_split_to_table(street_name, ' ') w ORDER BY length(w) DESC LIMIT 1))
         FROM valuations WHERE street_number IS NOT NULL AND street_name IS NOT NULL ${sample(40)}`,
    ),
    // "erf 1234 westville": the first three words of a legal description.
    legalFragments: column(url, `SELECT lower(array_to_string((regexp_split_to_array(legal_description, '\\s+'))[1:3], ' ')) FROM valuations ${sample(40)}`),
    rateNumberPrefixes: column(url, `SELECT left(rate_number, 6) FROM valuations WHERE rate_number ~ '^[0-9]{8,}' ${sample(40)}`),
    details: column(url, `SELECT rate_number || '|' || title_type FROM valuations WHERE rate_number !~ '[/?#]' ${sample(200)}`).map((line) => {
      const [rateNumber, title] = line.split("|") as [string, string];
      return { rateNumber, title };
    }),
  };
}
