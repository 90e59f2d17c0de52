import { describe, expect, it } from "vitest";
import { parseExtentInput, parseRandInput } from "./parse-amount";

describe("parseRandInput", () => {
  it("reads amounts the way people type them", () => {
    expect(parseRandInput("1500000")).toBe(1_500_000);
    expect(parseRandInput("R 1 500 000")).toBe(1_500_000);
    expect(parseRandInput("r1\u00a0500\u00a0000")).toBe(1_500_000);
    expect(parseRandInput("1,500,000")).toBe(1_500_000);
    expect(parseRandInput("1.500.000")).toBe(1_500_000);
    expect(parseRandInput("1,5m")).toBe(1_500_000);
    expect(parseRandInput("1.5M")).toBe(1_500_000);
    expect(parseRandInput("750k")).toBe(750_000);
    expect(parseRandInput("2bn")).toBe(2_000_000_000);
  });

  it("rejects what is not an amount", () => {
    expect(parseRandInput("")).toBeNull();
    expect(parseRandInput("cheap")).toBeNull();
    expect(parseRandInput("-5")).toBeNull();
    expect(parseRandInput("1,5,0")).toBeNull();
  });
});

describe("parseExtentInput", () => {
  it("reads square metres with a decimal comma or point", () => {
    expect(parseExtentInput("1 634")).toBe(1634);
    expect(parseExtentInput("1634,5")).toBe(1634.5);
    expect(parseExtentInput("812.2")).toBe(812.2);
    expect(parseExtentInput("12,345.5")).toBeNull();
    // Three digits after one separator read as thousands, as in "1,500".
    expect(parseExtentInput("1,500")).toBe(1500);
    expect(parseExtentInput("m²")).toBeNull();
  });
});
