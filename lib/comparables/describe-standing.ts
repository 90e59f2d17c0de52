import { createTranslator } from "next-intl";
import type enObjection from "@/messages/en/objection.json";
import { CATALOGUES } from "@/lib/i18n/catalogues";
import { formatExtent } from "@/lib/format/format-extent";
import { formatNumber, formatPercentChange } from "@/lib/format/format-number";
import { formatRand } from "@/lib/format/format-rand";
import type { ExtentBand } from "./choose-comparables";
import type { Standing } from "./standing";

// Where a property stands, in sentences a resident understands. The wording is in the message
// catalogue (messages/<locale>/objection.json, "basis" and "standing"): these functions say which
// message and with what figures, a page words it in its language, and the API in English.

export type Basis =
  | { kind: "scheme"; schemeName: string }
  | { kind: "suburb-use"; suburbName: string; use: string | null; band: ExtentBand | null };

type Messages = typeof enObjection;

/** A message of the catalogue's "objection.basis" or "objection.standing" and its values (figures already formatted). */
export type Sentence<Key extends string> = { key: Key; values: Record<string, string | number> };
export type BasisSentence = Sentence<`basis.${keyof Messages["basis"] & string}`>;
export type StandingSentence = Sentence<`standing.${keyof Messages["standing"] & string}`>;

/** Below this many figures a percentile says nothing worth reading. */
export const FEWEST_TO_COMPARE = 3;

export function basisSentence(basis: Basis, count: number): BasisSentence {
  const counted = { n: count, count: formatNumber(count) };
  if (basis.kind === "scheme") return { key: "basis.scheme", values: { ...counted, scheme: basis.schemeName } };
  const values = { ...counted, suburb: basis.suburbName };
  const band = basis.band ? { min: formatExtent(Math.round(basis.band.min)), max: formatExtent(Math.round(basis.band.max)) } : null;
  if (basis.use) {
    return band ? { key: "basis.usedAsWithin", values: { ...values, use: basis.use, ...band } } : { key: "basis.usedAsAnyExtent", values: { ...values, use: basis.use } };
  }
  return band ? { key: "basis.sameUseWithin", values: { ...values, ...band } } : { key: "basis.sameUseAnyExtent", values };
}

const direction = (percent: number) => (percent > 0 ? "rose" : percent < 0 ? "fell" : "same");

export function standingSentences(standing: Standing, rollLabel: string, previousRollLabel: string | null): StandingSentence[] {
  const sentences: StandingSentence[] = [];
  if (standing.valuePerM2 === null) {
    sentences.push({ key: "standing.noValuePerM2", values: {} });
  } else if (standing.comparedCount < FEWEST_TO_COMPARE || standing.valuePerM2Percentile === null) {
    sentences.push({ key: "standing.tooFewPerM2", values: { value: formatRand(Math.round(standing.valuePerM2)) } });
  } else {
    sentences.push({
      key: "standing.placed",
      values: {
        value: formatRand(Math.round(standing.valuePerM2)),
        percent: formatNumber(Math.round(standing.valuePerM2Percentile)),
        median: formatRand(Math.round(standing.medianValuePerM2 ?? 0)),
      },
    });
  }
  if (previousRollLabel !== null) {
    const rolls = { roll: rollLabel, previousRoll: previousRollLabel };
    if (standing.changePercent === null) {
      sentences.push({ key: "standing.noPreviousValue", values: { previousRoll: previousRollLabel } });
    } else {
      const change = { ...rolls, direction: direction(standing.changePercent), change: formatPercentChange(standing.changePercent) };
      if (standing.medianChangePercent === null || standing.changeComparedCount < FEWEST_TO_COMPARE) {
        sentences.push({ key: "standing.changeTooFew", values: change });
      } else {
        sentences.push({
          key: "standing.changeCompared",
          values: { ...change, count: formatNumber(standing.changeComparedCount), medianChange: formatPercentChange(standing.medianChangePercent) },
        });
      }
    }
  }
  return sentences;
}

// The API's wording: English, from the same catalogue as the pages'.
let english: ReturnType<typeof createTranslator<(typeof CATALOGUES)["en"], "objection">> | undefined;

function inEnglish(sentence: BasisSentence | StandingSentence): string {
  english ??= createTranslator({ locale: "en", messages: CATALOGUES.en, namespace: "objection" });
  return english(sentence.key, sentence.values);
}

/** What the comparables have in common, in English (the API's `basis.description`). */
export function describeBasis(basis: Basis, count: number): string {
  return inEnglish(basisSentence(basis, count));
}

/** Where the property stands, in English sentences (the API's `standing.summary`). */
export function describeStanding(standing: Standing, rollLabel: string, previousRollLabel: string | null): string[] {
  return standingSentences(standing, rollLabel, previousRollLabel).map(inEnglish);
}
