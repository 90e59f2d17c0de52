import { describe, expect, it } from "vitest";
import { valueBandLabel, valueBands } from "./value-bands";

const plain = (text: string) => text.replace(/\u00a0/g, " ");

describe("valueBands", () => {
  it("covers every value once: each band ends a rand below the next", () => {
    const bands = valueBands([0, 250_000, 1_000_000]);
    expect(bands.map(({ min, max }) => [min, max])).toEqual([
      [0, 249_999],
      [250_000, 999_999],
      [1_000_000, null],
    ]);
  });

  it("labels the bands in short rand", () => {
    expect(valueBands().map((band) => plain(band.label))).toEqual([
      "Under R 250k",
      "R 250k to R 500k",
      "R 500k to R 1m",
      "R 1m to R 2m",
      "R 2m to R 5m",
      "R 5m to R 10m",
      "R 10m and more",
    ]);
  });
});

describe("valueBandLabel", () => {
  it("words a band in the page's language, the amounts in short rand", () => {
    const words = { under: (to: string) => `Ngaphansi kuka-${to}`, between: (from: string, to: string) => `${from} kuya ku-${to}`, andMore: (from: string) => `${from} nangaphezulu` };
    expect(valueBands([0, 250_000, 1_000_000]).map((band) => plain(valueBandLabel(band, words)))).toEqual(["Ngaphansi kuka-R 250k", "R 250k kuya ku-R 1m", "R 1m nangaphezulu"]);
  });
});
