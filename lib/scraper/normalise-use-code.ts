import { textOrNull } from "./normalise-whitespace";

const DIGITS = /^\d+$/;

export type UseCode = { useCode: number | null; useDescription: string | null };

/**
 * Splits "Description (code)". The code is the parenthesised number at the very end, so
 * descriptions that carry their own brackets keep them: "Homes (Nursing etc) (20)" is 20,
 * "Homes (Nursing etc)". Text without a trailing code is all description.
 */
export function parseUseCode(displayed: string): UseCode {
  const text = displayed.trim();
  if (text === "") return { useCode: null, useDescription: null };
  const open = text.lastIndexOf("(");
  if (text.endsWith(")") && open >= 0) {
    const digits = text.slice(open + 1, -1).trim();
    if (DIGITS.test(digits)) {
      return { useCode: Number(digits), useDescription: textOrNull(text.slice(0, open)) };
    }
  }
  return { useCode: null, useDescription: textOrNull(text) };
}
