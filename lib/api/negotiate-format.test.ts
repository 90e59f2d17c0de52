import { describe, expect, it } from "vitest";
import { negotiateFormat, requestedFormat } from "./negotiate-format";

describe("format negotiation", () => {
  it("reads the Accept header", () => {
    expect(negotiateFormat(null)).toBe("json");
    expect(negotiateFormat("text/csv")).toBe("csv");
    expect(negotiateFormat("application/x-ndjson")).toBe("ndjson");
    expect(negotiateFormat("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")).toBe("json");
    expect(negotiateFormat("*/*, text/csv")).toBe("csv");
    expect(negotiateFormat("text/csv;q=0.5, application/json")).toBe("json");
    expect(negotiateFormat("text/csv;q=0, image/png")).toBe("json");
    expect(negotiateFormat("TEXT/CSV; charset=utf-8")).toBe("csv");
  });

  it("lets a valid format parameter win", () => {
    expect(requestedFormat(new URLSearchParams("format=ndjson"), "text/csv")).toBe("ndjson");
    expect(requestedFormat(new URLSearchParams("format=xml"), "text/csv")).toBe("csv");
  });
});
