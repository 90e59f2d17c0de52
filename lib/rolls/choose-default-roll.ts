import type { RollId } from "./roll-id";

// Which roll pages and the API show when none is asked for. Pure: the registry and the facts about
// each roll's data are read by roll-registry.ts.

export type DefaultRollCandidate = {
  id: RollId;
  kind: "general" | "supplementary";
  status: "planned" | "active" | "archived";
  /** YYYY-MM-DD. */
  effectiveFrom: string;
  /** A succeeded whole-roll run of both title types proved complete (scrape_runs.complete). */
  hasCompleteRun: boolean;
  /** Rows of the roll are stored (however they got there). */
  hasRows: boolean;
};

export class UnknownDefaultRollError extends Error {
  override name = "UnknownDefaultRollError";
}

/**
 * DEFAULT_ROLL when set (it must name a registered roll). Otherwise the newest general roll (by the
 * date it takes effect) with a complete whole-roll run; before any has one, the newest with rows,
 * then the newest active one in force on `today` (YYYY-MM-DD), then the newest in force, then the
 * newest. A supplementary roll lists only the properties
 * it amends, so it never becomes the default by itself.
 */
export function chooseDefaultRoll(candidates: readonly DefaultRollCandidate[], override: RollId | undefined, today: string): RollId {
  if (override !== undefined) {
    if (candidates.some((roll) => roll.id === override)) return override;
    const known = candidates.map((roll) => roll.id).join(", ") || "none";
    throw new UnknownDefaultRollError(`DEFAULT_ROLL=${override} names no roll in the registry (known rolls: ${known}); add it in /admin or change DEFAULT_ROLL`);
  }
  const general = [...candidates].filter((roll) => roll.kind === "general").sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  const chosen =
    general.find((roll) => roll.hasCompleteRun) ??
    general.find((roll) => roll.hasRows) ??
    general.find((roll) => roll.status === "active" && roll.effectiveFrom <= today) ??
    general.find((roll) => roll.effectiveFrom <= today) ??
    general[0];
  if (!chosen) throw new UnknownDefaultRollError("the roll registry (table rolls) has no general roll: add one in /admin");
  return chosen.id;
}
