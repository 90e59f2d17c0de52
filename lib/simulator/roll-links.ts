import { pinOf, rateText, type RecordLayout } from "./derive-property";
import type { SimSite } from "./generate-site";
import { ROLL_IDS } from "./roll-meta";
import type { RollId, TitleType } from "./sim-types";

/** One property on one roll, as the results page shows it (the PIN tells apart the few without a rate number). */
export interface RollLinkEnd {
  titleType: TitleType;
  rateNumber: string;
  pin: string;
}

export type RollLinkKind = "same" | "renumbered" | "subdivided" | "consolidated" | "new" | "gone" | "scheme-created";

/**
 * How a property of one roll continues on the next. `from` is null for a property new on the later
 * roll, `to` null for one gone from it. A subdivided erf has one link per portion, a consolidation
 * one link per consolidated erf, and a new scheme one link per unit; otherwise every property of
 * either roll is on exactly one link.
 */
export interface TrueRollLink {
  from: RollLinkEnd | null;
  to: RollLinkEnd | null;
  kind: RollLinkKind;
}

/**
 * The true links between two consecutive rolls (`fromRoll` the older), covering every property of
 * both at the site's generation: what a linker that matches rolls should find.
 */
export function trueRollLinks(site: SimSite, fromRoll: RollId, toRoll: RollId): TrueRollLink[] {
  const movement = site.movements.find((m) => m.step.older === fromRoll && m.step.newer === toRoll);
  if (!movement) {
    throw new Error(`trueRollLinks needs two consecutive rolls, older first (${ROLL_IDS.join(" → ")}); got ${fromRoll} → ${toRoll}`);
  }
  const older = site.rolls[fromRoll];
  const newer = site.rolls[toRoll];
  const newerLayouts = new Map<number, RecordLayout>();
  for (const layout of newer.layouts()) newerLayouts.set(layout.counter, layout);
  const end = (roll: RollId, layout: RecordLayout): RollLinkEnd => ({
    titleType: layout.schemeIndex >= 0 ? "sectional" : "full",
    rateNumber: rateText(layout.rate),
    pin: pinOf(roll, layout.counter),
  });
  const unitsOf = new Map<number, RecordLayout[]>();
  if (movement.schemeSites.size > 0) {
    const built = new Set(movement.schemeSites.values());
    for (const layout of newerLayouts.values()) {
      if (!built.has(layout.schemeIndex)) continue;
      const units = unitsOf.get(layout.schemeIndex);
      if (units) units.push(layout);
      else unitsOf.set(layout.schemeIndex, [layout]);
    }
  }

  const links: TrueRollLink[] = [];
  const linked = new Set<number>();
  const link = (from: RecordLayout, to: RecordLayout, kind: RollLinkKind) => {
    links.push({ from: end(fromRoll, from), to: end(toRoll, to), kind });
    linked.add(to.counter);
  };
  for (const from of older.layouts()) {
    const before = links.length;
    const same = newerLayouts.get(from.counter);
    if (same) link(from, same, same.rate === from.rate ? "same" : "renumbered");
    for (const child of movement.subdivisions.get(from.counter) ?? []) {
      const to = newerLayouts.get(child);
      if (to) link(from, to, "subdivided");
    }
    const merged = newerLayouts.get(movement.consolidations.get(from.counter) ?? -1);
    if (merged) link(from, merged, "consolidated");
    for (const unit of unitsOf.get(movement.schemeSites.get(from.counter) ?? -1) ?? []) link(from, unit, "scheme-created");
    if (links.length === before) links.push({ from: end(fromRoll, from), to: null, kind: "gone" });
  }
  for (const to of newerLayouts.values()) {
    if (!linked.has(to.counter)) links.push({ from: null, to: end(toRoll, to), kind: "new" });
  }
  return links;
}
