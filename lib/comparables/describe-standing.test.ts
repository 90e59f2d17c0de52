import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { CATALOGUES } from "@/lib/i18n/catalogues";
import { basisSentence, describeBasis, describeStanding, standingSentences } from "./describe-standing";
import type { Standing } from "./standing";

// The standing and the basis are messages of the "objection" catalogue: the API words them in
// English, a page in its own language, from the same figures.

const plain = (text: string) => text.replace(/\u00a0/g, " ");
const zulu = createTranslator({ locale: "zu", messages: CATALOGUES.zu, namespace: "objection" });
const placed: Standing = { valuePerM2: 2800, valuePerM2Percentile: 80, comparedCount: 5, medianValuePerM2: 2000, changePercent: 40, medianChangePercent: 12.5, changeComparedCount: 5 };

describe("standingSentences", () => {
  it("gives each sentence's message and its figures, already formatted the South African way", () => {
    expect(standingSentences(placed, "GV 2022", "GV 2017").map((sentence) => ({ ...sentence, values: Object.fromEntries(Object.entries(sentence.values).map(([k, v]) => [k, plain(String(v))])) }))).toEqual([
      { key: "standing.placed", values: { value: "R 2 800", percent: "80", median: "R 2 000" } },
      { key: "standing.changeCompared", values: { roll: "GV 2022", previousRoll: "GV 2017", direction: "rose", change: "+40%", count: "5", medianChange: "+12,5%" } },
    ]);
  });

  it("reads in isiZulu with the same figures", () => {
    const words = standingSentences(placed, "GV 2022", "GV 2017").map((sentence) => plain(zulu(sentence.key, sentence.values)));
    expect(words).toEqual([
      "Silinganiselwe ku-R 2 800 nge-m², okungaphezu kuka-80% wazo (inani lazo eliphakathi nendawo (median) lingu-R 2 000 nge-m²).",
      "Kusukela ku-GV 2017 kuya ku-GV 2022 inani laso lenyuka (+40%); ushintsho oluphakathi nendawo (median) lwezingu-5 zazo ezisezinhlwini zombili lwaba ngu-+12,5%.",
    ]);
    const fell = standingSentences({ ...placed, changePercent: -3, changeComparedCount: 1 }, "GV 2022", "GV 2017")[1]!;
    expect(plain(zulu(fell.key, fell.values))).toBe("Kusukela ku-GV 2017 kuya ku-GV 2022 inani laso lehla (−3%); zimbalwa kakhulu kuzo ezazikhona ku-GV 2017 ukuze kuqhathaniswe.");
  });

  it("keeps the API's English as it was", () => {
    expect(describeStanding({ ...placed, changePercent: 0, medianChangePercent: null }, "GV 2022", "GV 2017").map(plain)).toEqual([
      "It is valued at R 2 800 per m², higher than 80% of them (their median is R 2 000 per m²).",
      "From GV 2017 to GV 2022 its value stayed the same (0%); too few of them were on GV 2017 to compare.",
    ]);
    expect(describeStanding({ ...placed, valuePerM2: null, changePercent: null }, "GV 2022", "GV 2017")).toEqual([
      "This property has no value per m² on the roll (its value or extent is missing), so it cannot be placed among them.",
      "It has no value on GV 2017 under the same rate number to compare its change with.",
    ]);
  });
});

describe("basisSentence", () => {
  it("chooses singular or plural by the count, in both languages", () => {
    const scheme = { kind: "scheme", schemeName: "SS ALEC'S MEWS" } as const;
    expect(zulu(basisSentence(scheme, 1).key, basisSentence(scheme, 1).values)).toBe("enye ingxenye engu-1 yesikimu esithi SS ALEC'S MEWS");
    expect(zulu(basisSentence(scheme, 2).key, basisSentence(scheme, 2).values)).toBe("ezinye izingxenye ezingu-2 zesikimu esithi SS ALEC'S MEWS");
    expect(describeBasis(scheme, 2)).toBe("2 other units of SS ALEC'S MEWS");
    const suburb = { kind: "suburb-use", suburbName: "PINETOWN", use: null, band: null } as const;
    expect(describeBasis(suburb, 1)).toBe("1 property in PINETOWN with the same use, of any extent (this property has none on the roll)");
    const many = basisSentence({ ...suburb, use: "Single Residential (15)", band: { min: 833.3, max: 1200 } }, 1830);
    expect(plain(zulu(many.key, many.values))).toBe(
      "izakhiwo ezingu-1 830 endaweni ethi PINETOWN ezinokusetshenziswa okuthi Single Residential (15), ezinobukhulu obuphakathi kuka-833 m² no-1 200 m²",
    );
  });
});
