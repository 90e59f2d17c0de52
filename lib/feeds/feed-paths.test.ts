import { describe, expect, it } from "vitest";
import { canonicalFeedQuery, feedPath, followedPagePath } from "./feed-paths";
import { feedTitle } from "./feed-title";
import { nameUuid } from "./name-uuid";

describe("canonicalFeedQuery", () => {
  it("gives one address whatever the order of the parameters, with the roll named", () => {
    const a = canonicalFeedQuery({ suburb: "PINETOWN", useCode: 15 }, "gv2022");
    const b = canonicalFeedQuery({ useCode: 15, suburb: "PINETOWN" }, "gv2022");
    expect(a).toBe("roll=gv2022&suburb=PINETOWN&useCode=15");
    expect(b).toBe(a);
  });
});

describe("followedPagePath", () => {
  it("is the property's page for one property", () => {
    expect(followedPagePath({ rateNumber: "96150534", title: "full" }, "gv2022")).toBe("/valuations/96150534?roll=gv2022&title=full");
  });
  it("is the search page with the same filters otherwise; a scheme is searched by name", () => {
    expect(followedPagePath({ suburb: "PINETOWN", minValue: 1_000_000 }, "gv2017")).toBe("/?roll=gv2017&suburb=PINETOWN&minValue=1000000");
    expect(followedPagePath({ scheme: "SS ALEC'S MEWS" }, "gv2022")).toBe("/?roll=gv2022&q=SS+ALEC%27S+MEWS");
  });
});

describe("feedPath", () => {
  it("leaves out empty values", () => {
    expect(feedPath({ roll: "gv2022", q: "", suburb: "KLOOF", useCode: null })).toBe("/api/feeds?roll=gv2022&suburb=KLOOF");
  });
});

describe("feedTitle", () => {
  it("says what the feed follows", () => {
    expect(feedTitle({ rateNumber: "96150534" }, "GV 2022")).toBe("Changes: property 96150534 (GV 2022)");
    expect(feedTitle({ scheme: "ss alec's mews" }, "GV 2022")).toBe("Changes: scheme SS ALEC'S MEWS (GV 2022)");
    expect(feedTitle({ suburb: "PINETOWN", ratingCategory: "Residential", minValue: 1_000_000 }, "GV 2022")).toBe(
      "Changes: PINETOWN · Residential · value at least R\u00a01\u00a0000\u00a0000 (GV 2022)",
    );
    expect(feedTitle({}, "GV 2017")).toBe("Changes: every property (GV 2017)");
  });
});

describe("nameUuid", () => {
  it("is a stable version 5 UUID URN, different for different names", () => {
    const id = nameUuid("valuation-change\n42");
    expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(nameUuid("valuation-change\n42")).toBe(id);
    expect(nameUuid("valuation-change\n43")).not.toBe(id);
  });
});
