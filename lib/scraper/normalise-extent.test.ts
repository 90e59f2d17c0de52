import { describe, expect, it } from "vitest";
import { LayoutError } from "./layout-error";
import { parseRegisteredExtent } from "./normalise-extent";

describe("parseRegisteredExtent", () => {
  it.each([
    ["1,634", 1634],
    ["1,634.5", 1634.5],
    ["12,345.67", 12345.67],
    ["87", 87],
    ["87743", 87743],
    ["1,234,567.8", 1234567.8],
    [".5", 0.5],
    ["0.25", 0.25],
    [" 399 ", 399],
  ])("reads %j as %d square metres", (displayed, value) => {
    expect(parseRegisteredExtent(displayed)).toBe(value);
  });

  it("reads an empty cell as null", () => {
    expect(parseRegisteredExtent("")).toBeNull();
    expect(parseRegisteredExtent("   ")).toBeNull();
  });

  it.each(["1,634 m²", "-3", "1,63", "1.234.5", "12.345", ".", "abc"])("throws LayoutError for %j", (displayed) => {
    expect(() => parseRegisteredExtent(displayed)).toThrow(LayoutError);
  });
});
