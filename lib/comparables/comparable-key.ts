import type { Comparable } from "./comparables-schema";

/** A comparable's key among the others (its table row's id): a rate number may be on both title types. */
export const comparableKey = (c: Pick<Comparable, "titleType" | "rateNumber">): string => `${c.titleType}-${c.rateNumber}`;
