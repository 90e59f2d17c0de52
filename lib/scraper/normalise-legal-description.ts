import { collapseWhitespace } from "./normalise-whitespace";

export type LegalDescriptionParts = {
  erfNumber: string | null;
  portionNumber: string | null;
  isRemainder: boolean;
  /** The township or farm the erf lies in ("PINETOWN", "COTTON LANDS NO. 1575"). */
  township: string | null;
  /** "… of the farm X" (township X), or a township whose own name starts with "FARM". */
  isFarm: boolean;
  schemeName: string | null;
  sectionNumber: string | null;
};

const NOTHING: LegalDescriptionParts = {
  erfNumber: null,
  portionNumber: null,
  isRemainder: false,
  township: null,
  isFarm: false,
  schemeName: null,
  sectionNumber: null,
};

// "[REM of ][Portion 16 of ]ERF 74 of [the farm ]AMANZIMTOTI"; the site mixes "of" and "OF".
const FULL_TITLE = /^(REM of )?(?:Portion (\d+) of )?ERF (\d+) of (the farm )?(.+)$/i;
// Sectional Title comes in two orders: "SECTION 5 of SS ALEC'S MEWS" and "SS ALEC'S MEWS SECTION 5".
const SECTION_FIRST = /^SECTION (\S+) of (.+)$/i;
const SECTION_LAST = /^(.+) SECTION (\S+)$/i;
const FARM_NAME = /^FARM /i;

/**
 * Splits a displayed legal description into its cadastral parts. The real site has surprises, so a
 * description that fits no known pattern does not throw: every part is null (the caller keeps the
 * text).
 */
export function parseLegalDescription(displayed: string): LegalDescriptionParts {
  const text = collapseWhitespace(displayed);

  const full = FULL_TITLE.exec(text);
  if (full) {
    const [, remainder, portion, erf, theFarm, township] = full;
    return {
      ...NOTHING,
      erfNumber: erf ?? null,
      portionNumber: portion ?? null,
      isRemainder: remainder !== undefined,
      township: township ?? null,
      isFarm: theFarm !== undefined || FARM_NAME.test(township ?? ""),
    };
  }

  const section = SECTION_FIRST.exec(text);
  if (section) return { ...NOTHING, sectionNumber: section[1] ?? null, schemeName: section[2] ?? null };
  const sectionLast = SECTION_LAST.exec(text);
  if (sectionLast) return { ...NOTHING, schemeName: sectionLast[1] ?? null, sectionNumber: sectionLast[2] ?? null };

  return { ...NOTHING };
}
