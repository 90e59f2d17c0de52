import { rollLabel, type RollId } from "@/lib/rolls/roll-id";
import type { RollRegistry } from "@/lib/rolls/roll-registry";
import type { Queryable } from "@/lib/valuations/queryable";
import { valuationHref } from "@/lib/valuations/serialise-valuation";
import type { FieldName, RowOf } from "@/lib/valuations/valuation-fields";
import { fieldColumns } from "@/lib/valuations/valuation-row";
import { chooseByExtentBand, chooseSchemeUnits, EXTENT_BAND_RATIOS, type Candidate, type Choice } from "./choose-comparables";
import type { Comparables } from "./comparables-schema";
import { basisSentence, describeBasis, describeStanding, standingSentences, type Basis, type BasisSentence, type StandingSentence } from "./describe-standing";
import { changePercent, standing, valuePerM2 } from "./standing";

// The comparables of one property, read from the roll: its own row, the candidates (one indexed
// query: the scheme's units, or the suburb's properties of the same use within the widest band), and
// their values on the previous roll.

/** The API's `basis.description` and `standing.summary` as messages, for a page to word in its language. */
export type ComparablesWording = { basis: BasisSentence; standing: StandingSentence[] };
export type ComparablesLookup = { roll: RollId; rateNumber: string; title?: "full" | "sectional" };
export type ComparablesResult =
  | { kind: "found"; data: Comparables; wording: ComparablesWording }
  | { kind: "not-found" }
  | { kind: "ambiguous"; choices: { titleType: "full" | "sectional"; href: string }[] };

/** What a candidate is read with; the property itself also with what chooses its candidates. */
const CANDIDATE_FIELDS = ["rateNumber", "titleType", "sectionNumber", "address", "legalDescription", "marketValue", "registeredExtent"] as const satisfies readonly FieldName[];
const PROPERTY_FIELDS = [...CANDIDATE_FIELDS, "suburbId", "suburbName", "useCode", "useDescription", "schemeName"] as const satisfies readonly FieldName[];
const PREVIOUS_FIELDS = ["titleType", "rateNumber", "marketValue"] as const satisfies readonly FieldName[];
// BIGINT and NUMERIC arrive as numbers (lib/db/client.ts sets the type parsers).
type Row = RowOf<(typeof CANDIDATE_FIELDS)[number]>;
type PropertyRow = RowOf<(typeof PROPERTY_FIELDS)[number]>;
type PreviousRow = RowOf<(typeof PREVIOUS_FIELDS)[number]>;

/** Candidates read at most: the widest band of a big suburb, or the biggest schemes. */
const CANDIDATE_LIMIT = 1000;
const COLUMNS = fieldColumns(CANDIDATE_FIELDS);

const toCandidate = (row: Row): Candidate => ({
  rateNumber: row.rate_number,
  titleType: row.title_type,
  sectionNumber: row.section_number,
  address: row.address,
  legalDescription: row.legal_description,
  marketValue: row.market_value,
  registeredExtent: row.registered_extent,
});

/** The general roll in force before this one (the registry lists rolls newest first); null for the oldest. */
export function previousRoll(registry: Pick<RollRegistry, "rolls">, roll: RollId): RollId | null {
  const current = registry.rolls.find((candidate) => candidate.id === roll);
  if (!current) return null;
  return registry.rolls.find((candidate) => candidate.kind === "general" && candidate.effectiveFrom < current.effectiveFrom)?.id ?? null;
}

async function schemeUnits(db: Queryable, roll: RollId, property: PropertyRow): Promise<Candidate[]> {
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM valuations
      WHERE roll = $1 AND upper(scheme_name) = upper($2) AND scheme_name IS NOT NULL AND removed_at IS NULL
        AND NOT (title_type = $3::title_type AND rate_number = $4)
      LIMIT ${CANDIDATE_LIMIT}`,
    [roll, property.scheme_name, property.title_type, property.rate_number],
  );
  return rows.map(toCandidate);
}

async function suburbUseCandidates(db: Queryable, roll: RollId, property: PropertyRow, extent: number | null): Promise<Candidate[]> {
  const widest = EXTENT_BAND_RATIOS.at(-1)!;
  const values: unknown[] = [roll, property.suburb_id, property.use_code, property.rate_number];
  let band = "";
  let order = "rate_number";
  if (extent !== null) {
    values.push(extent / widest, extent * widest, extent);
    band = "AND registered_extent BETWEEN $5 AND $6";
    order = "abs(ln(registered_extent / $7)), rate_number";
  }
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM valuations
      WHERE roll = $1 AND suburb_id = $2 AND title_type = 'full' AND use_code IS NOT DISTINCT FROM $3
        AND rate_number <> $4 AND removed_at IS NULL ${band}
      ORDER BY ${order} LIMIT ${CANDIDATE_LIMIT}`,
    values,
  );
  return rows.map(toCandidate);
}

async function previousValues(db: Queryable, roll: RollId | null, titleTypes: string[], rateNumbers: string[]): Promise<Map<string, number>> {
  if (roll === null || rateNumbers.length === 0) return new Map();
  const { rows } = await db.query<PreviousRow>(
    `SELECT ${fieldColumns(PREVIOUS_FIELDS)} FROM valuations
      WHERE roll = $1 AND (title_type::text, rate_number) IN (SELECT * FROM unnest($2::text[], $3::text[])) AND market_value IS NOT NULL`,
    [roll, titleTypes, rateNumbers],
  );
  return new Map(rows.flatMap((row) => (row.market_value === null ? [] : [[`${row.title_type}:${row.rate_number}`, row.market_value] as const])));
}

export async function loadComparables(db: Queryable, registry: Pick<RollRegistry, "rolls">, lookup: ComparablesLookup): Promise<ComparablesResult> {
  const values: unknown[] = [lookup.roll, lookup.rateNumber];
  if (lookup.title) values.push(lookup.title);
  const { rows } = await db.query<PropertyRow>(
    `SELECT ${fieldColumns(PROPERTY_FIELDS)} FROM valuations
      WHERE roll = $1 AND rate_number = $2 ${lookup.title ? "AND title_type = $3::title_type" : ""} ORDER BY title_type`,
    values,
  );
  const property = rows[0];
  if (!property) return { kind: "not-found" };
  if (rows.length > 1) return { kind: "ambiguous", choices: rows.map((row) => ({ titleType: row.title_type, href: valuationHref({ ...row, roll: lookup.roll }) })) };

  const own = toCandidate(property);
  const inScheme = property.title_type === "sectional" && property.scheme_name !== null;
  let choice: Choice<Candidate>;
  let basis: Basis;
  if (inScheme) {
    choice = chooseSchemeUnits(await schemeUnits(db, lookup.roll, property), own.registeredExtent);
    basis = { kind: "scheme", schemeName: property.scheme_name! };
  } else {
    choice = chooseByExtentBand(await suburbUseCandidates(db, lookup.roll, property, own.registeredExtent), own.registeredExtent);
    const use = property.use_description ? `${property.use_description}${property.use_code !== null ? ` (${property.use_code})` : ""}` : null;
    basis = { kind: "suburb-use", suburbName: property.suburb_name, use, band: choice.band };
  }

  const before = previousRoll(registry, lookup.roll);
  const everyone = [own, ...choice.chosen];
  const previous = await previousValues(db, before, everyone.map((c) => c.titleType), everyone.map((c) => c.rateNumber));
  const priced = (c: Candidate) => {
    const previousMarketValue = previous.get(`${c.titleType}:${c.rateNumber}`) ?? null;
    const figures = { marketValue: c.marketValue, registeredExtent: c.registeredExtent, previousMarketValue };
    return { rateNumber: c.rateNumber, titleType: c.titleType, ...figures, valuePerM2: valuePerM2(figures), changePercent: changePercent(figures) };
  };
  const comparables = choice.chosen.map((c) => ({
    ...priced(c),
    sectionNumber: c.sectionNumber,
    address: c.address,
    legalDescription: c.legalDescription,
    href: valuationHref({ rate_number: c.rateNumber, roll: lookup.roll, title_type: c.titleType }),
  }));
  const ownFigures = priced(own);
  const stand = standing(ownFigures, comparables);
  const rollLabels = [rollLabel(registry.rolls, lookup.roll), before === null ? null : rollLabel(registry.rolls, before)] as const;
  return {
    kind: "found",
    wording: { basis: basisSentence(basis, comparables.length), standing: standingSentences(stand, ...rollLabels) },
    data: {
      property: ownFigures,
      previousRoll: before,
      basis: { kind: basis.kind, description: describeBasis(basis, comparables.length), extentBand: choice.band },
      comparables,
      standing: {
        valuePerM2Percentile: stand.valuePerM2Percentile,
        comparedCount: stand.comparedCount,
        medianValuePerM2: stand.medianValuePerM2,
        medianChangePercent: stand.medianChangePercent,
        changeComparedCount: stand.changeComparedCount,
        summary: describeStanding(stand, ...rollLabels),
      },
    },
  };
}
