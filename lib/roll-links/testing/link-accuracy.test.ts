import { describe, expect, it } from "vitest";
import { linkAccuracy, type TrueLink } from "./link-accuracy";

const k = (rateNumber: string) => ({ titleType: "full" as const, rateNumber });

describe("linkAccuracy", () => {
  it("counts made links that are true (precision) and true links made (recall), per kind", () => {
    const truth: TrueLink[] = [
      { from: k("1"), to: k("1"), kind: "same" },
      { from: k("2"), to: k("9"), kind: "renumbered" },
      { from: k("3"), to: k("3"), kind: "subdivided" },
      { from: k("3"), to: k("4"), kind: "subdivided" },
      { from: k("5"), to: null, kind: "gone" },
      { from: null, to: k("6"), kind: "new" },
    ];
    const result = linkAccuracy(
      [
        { from: k("1"), to: k("1") },
        { from: k("2"), to: k("9") },
        { from: k("3"), to: k("3") },
        { from: k("5"), to: k("6") },
      ],
      [],
      [k("4")],
      truth,
    );
    expect(result.links).toEqual({ made: 4, truth: 4, correct: 3, precision: 0.75, recall: 0.75 });
    expect(result.byKind.subdivided).toEqual({ truth: 2, found: 1, recall: 0.5 });
    expect(result.gone).toMatchObject({ made: 0, truth: 1, recall: 0 });
    expect(result.added).toMatchObject({ made: 1, truth: 1, correct: 0, precision: 0 });
    expect(result.wrong).toEqual(["full:5→full:6"]);
    expect(result.missed).toEqual(["full:3→full:4"]);
  });
});
