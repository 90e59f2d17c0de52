import { describe, expect, it } from "vitest";
import { normaliseRow } from "@/lib/scraper/normalise-row";
import type { DisplayedCells } from "@/lib/valuations/displayed-cells";
import { displayedCells, RESULT_COLUMNS } from "@/lib/simulator/display-property";
import { generateSite, type SimSite } from "@/lib/simulator/generate-site";
import { trueRollLinks } from "@/lib/simulator/roll-links";
import type { RollId } from "@/lib/simulator/sim-types";
import { linkRolls, type RollRow } from "./link-rolls";
import { linkAccuracy } from "./testing/link-accuracy";

// The linker against the simulator's true links for every consecutive pair of its four rolls,
// without HTTP: each property's displayed cells go through the scraper's own normaliser, as a
// scrape stores them (roll-links.integration.test.ts does one pair through the real scraper).
// Thresholds as there: precision ≥ 0.99, recall ≥ 0.98.

function rollRows(site: SimSite, roll: RollId): RollRow[] {
  return [...site.rolls[roll].properties()].map((property) => {
    const texts = displayedCells(property);
    const cells = Object.fromEntries(RESULT_COLUMNS.map((column, i) => [column, texts[i] ?? ""])) as DisplayedCells;
    const row = normaliseRow({ cells, pin: property.pin }, { roll, titleType: property.titleType, suburbId: String(property.suburbId), suburbName: property.suburbName });
    return {
      titleType: row.titleType,
      rateNumber: row.rateNumber,
      legalDescription: row.legalDescription,
      suburbId: row.suburbId,
      streetNumber: row.streetNumber,
      streetName: row.streetName,
      extent: row.registeredExtent,
    };
  });
}

const percent = (value: number) => `${(value * 100).toFixed(2)}%`;

describe("linking the simulator's rolls", () => {
  const site = generateSite({ seed: 11, rows: 5_000 });

  it.each([
    ["gv2012", "gv2017"],
    ["gv2017", "gv2022"],
    ["gv2022", "gv2026"],
  ] as const)("links %s to %s with precision ≥ 0.99 and recall ≥ 0.98", (fromRoll, toRoll) => {
    const result = linkRolls(rollRows(site, fromRoll), rollRows(site, toRoll));
    const truth = trueRollLinks(site, fromRoll, toRoll).map((link) => ({
      kind: link.kind,
      from: link.from && { titleType: link.from.titleType, rateNumber: link.from.rateNumber || `PIN:${link.from.pin}` },
      to: link.to && { titleType: link.to.titleType, rateNumber: link.to.rateNumber || `PIN:${link.to.pin}` },
    }));
    const accuracy = linkAccuracy(result.links, result.gone, result.added, truth);
    console.log(
      [
        `${fromRoll} → ${toRoll}: ${accuracy.links.made} links made, ${accuracy.links.truth} true: precision ${percent(accuracy.links.precision)}, recall ${percent(accuracy.links.recall)}`,
        `  ${Object.entries(accuracy.byKind)
          .map(([kind, figures]) => `${kind} ${figures.found}/${figures.truth}`)
          .join(", ")}; gone listed ${accuracy.gone.made} (true ${accuracy.gone.truth}), new listed ${accuracy.added.made} (true ${accuracy.added.truth})`,
      ].join("\n"),
    );
    expect(accuracy.links.precision, accuracy.wrong.slice(0, 10).join("\n")).toBeGreaterThanOrEqual(0.99);
    expect(accuracy.links.recall, accuracy.missed.slice(0, 10).join("\n")).toBeGreaterThanOrEqual(0.98);
    expect(accuracy.gone.recall).toBeGreaterThanOrEqual(0.99);
    expect(accuracy.added.recall).toBeGreaterThanOrEqual(0.99);
  });
});
