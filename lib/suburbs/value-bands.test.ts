import { describe, expect, it } from "vitest";
import { valueBands } from "./value-bands";

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
