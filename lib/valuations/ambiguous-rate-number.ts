import { ApiError } from "@/lib/api/problem";
import type { TitleTypeValue } from "./list-query-schema";

/** The 300 answer when both title types have the rate number on the roll: a link to each. */
export function ambiguousRateNumber(rateNumber: string, roll: string, choices: { titleType: TitleTypeValue; href: string }[]): ApiError {
  return new ApiError({
    type: "/problems/ambiguous-rate-number",
    title: "More than one property has this rate number",
    status: 300,
    detail: `Rate number ${rateNumber} is on ${roll} as both a Full Title and a Sectional Title property: add title=full or title=sectional.`,
    choices,
  });
}
