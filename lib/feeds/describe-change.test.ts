import { describe, expect, it } from "vitest";
import { describeChange, type FeedChange } from "./describe-change";

const property = { rateNumber: "96150534", address: "12 SOMERSET WAY, PINETOWN", legalDescription: "ERF 18288 of PINETOWN", suburbName: "PINETOWN" };

const change = (patch: Partial<FeedChange>): FeedChange => ({ kind: "changed", fields: [], before: null, after: null, property, ...patch });

describe("describeChange", () => {
  it("tells a value change in rand with the difference and the percentage", () => {
    const words = describeChange(change({ fields: ["marketValue"], before: { marketValue: "1,500,000" }, after: { marketValue: "1,830,000" } }), "names");
    expect(words).toEqual({
      title: "Market value changed: 96150534, 12 SOMERSET WAY, PINETOWN",
      lines: ["Market value: R\u00a01\u00a0500\u00a0000 → R\u00a01\u00a0830\u00a0000 (+R\u00a0330\u00a0000, +22%)"],
    });
  });

  it("tells a fall with a minus sign, and a category change word for word", () => {
    const words = describeChange(
      change({
        fields: ["ratingCategory", "marketValue"],
        before: { ratingCategory: "Residential", marketValue: "1,000,000" },
        after: { ratingCategory: "Business & Commercial", marketValue: "900,000" },
      }),
      "names",
    );
    expect(words?.title).toBe("Rating category, market value changed: 96150534, 12 SOMERSET WAY, PINETOWN");
    expect(words?.lines).toEqual([
      "Rating category: Residential → Business & Commercial",
      "Market value: R\u00a01\u00a0000\u00a0000 → R\u00a0900\u00a0000 (\u2212R\u00a0100\u00a0000, \u221210%)",
    ]);
  });

  it("names owners only when told to, says 'changed' without names, and drops an owner-only change when owners are hidden", () => {
    const owner = change({ fields: ["firstOwner"], before: { firstOwner: "A SMITH" }, after: { firstOwner: "B JONES" } });
    expect(describeChange(owner, "names")?.lines).toEqual(["First owner: A SMITH → B JONES"]);
    const withoutNames = describeChange(owner, "without-names");
    expect(withoutNames?.lines).toEqual(["First owner: changed (owner names are not shown in feeds)"]);
    expect(JSON.stringify(withoutNames)).not.toMatch(/SMITH|JONES/);
    expect(describeChange(owner, "omit")).toBeNull();
  });

  it("leaves the owner out of a mixed change when owners are hidden", () => {
    const mixed = change({
      fields: ["firstOwner", "marketValue"],
      before: { firstOwner: "A SMITH", marketValue: "100,000" },
      after: { firstOwner: "B JONES", marketValue: "100,000" },
    });
    const words = describeChange(mixed, "omit");
    expect(words?.title).toBe("Market value changed: 96150534, 12 SOMERSET WAY, PINETOWN");
    expect(JSON.stringify(words)).not.toMatch(/SMITH|JONES|owner/i);
  });

  it("says 'changed' when names were not kept in the history even where they may be shown", () => {
    const unrecorded = change({ fields: ["firstOwner"], before: {}, after: {} });
    expect(describeChange(unrecorded, "names")?.lines).toEqual(["First owner: changed (owner names are not shown in feeds)"]);
  });

  it("sums up an added or removed property without its owners", () => {
    const cells = { rateNumber: "96150534", firstOwner: "A SMITH", marketValue: "1,830,000", ratingCategory: "Residential", useCode: "Single Residential (15)", registeredExtent: "1,634" };
    const added = describeChange(change({ kind: "added", after: cells }), "names");
    expect(added?.title).toBe("Added to the roll: 96150534, 12 SOMERSET WAY, PINETOWN");
    expect(added?.lines).toEqual([
      "Market value: R\u00a01\u00a0830\u00a0000",
      "Rating category: Residential",
      "Use: Single Residential (15)",
      "Registered extent: 1\u00a0634\u00a0m²",
    ]);
    expect(JSON.stringify(added)).not.toContain("SMITH");
    const removed = describeChange(change({ kind: "removed", before: cells }), "names");
    expect(removed?.title).toBe("No longer on the roll: 96150534, 12 SOMERSET WAY, PINETOWN");
    expect(removed?.lines).toHaveLength(4);
  });

  it("tells a property back on the roll, with what changed meanwhile", () => {
    expect(describeChange(change({ kind: "restored" }), "names")).toEqual({
      title: "Back on the roll: 96150534, 12 SOMERSET WAY, PINETOWN",
      lines: ["Listed again as it was before."],
    });
    const revalued = change({ kind: "restored", fields: ["marketValue"], before: { marketValue: "100,000" }, after: { marketValue: "120,000" } });
    expect(describeChange(revalued, "names")?.lines).toEqual(["Market value: R\u00a0100\u00a0000 → R\u00a0120\u00a0000 (+R\u00a020\u00a0000, +20%)"]);
  });

  it("names a property without an address by its legal description", () => {
    const words = describeChange(change({ kind: "added", after: {}, property: { ...property, address: "" } }), "names");
    expect(words?.title).toBe("Added to the roll: 96150534, ERF 18288 of PINETOWN");
  });
});
