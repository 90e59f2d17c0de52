import { describe, expect, it } from "vitest";
import { LayoutError, TruncatedPageError } from "./layout-error";

describe("LayoutError", () => {
  it("is an Error named LayoutError carrying its message", () => {
    const error = new LayoutError('results table header changed: expected "Market Value" in column 7, found "Valuation"');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(LayoutError);
    expect(error.name).toBe("LayoutError");
    expect(error.message).toContain('found "Valuation"');
    expect(String(error)).toMatch(/^LayoutError: results table header changed/);
  });
});

describe("TruncatedPageError", () => {
  it("is a LayoutError of its own name, so callers can retry it and still never store the page", () => {
    const error = new TruncatedPageError("page truncated: the results table is not closed");
    expect(error).toBeInstanceOf(LayoutError);
    expect(error).toBeInstanceOf(TruncatedPageError);
    expect(error.name).toBe("TruncatedPageError");
    expect(new LayoutError("drift")).not.toBeInstanceOf(TruncatedPageError);
  });
});
