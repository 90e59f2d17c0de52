import { describe, expect, it } from "vitest";
import { parseResultQuery, splitRawQuery } from "./parse-result-query";

const query = (overrides: Record<string, string> = {}) => {
  const values: Record<string, string> = {
    Roll: "2", VolumeNo: "", RateNumber: "", StreetNo: "", StreetName: "", Suburb: "", ERF: "", Portion: "",
    DeedsTown: "", SchemeName: "", SectionNumber: "", All: "false", ...overrides,
  };
  return Object.entries(values).map(([k, v]) => `${k}=${v}`).join("&");
};

describe("splitRawQuery", () => {
  it("keeps an unencoded & inside the previous value", () => {
    const values = splitRawQuery(query({ SchemeName: "SS 4 A B & C THE AVENUE", All: "true" }));
    expect(values.get("SchemeName")).toBe("SS 4 A B & C THE AVENUE");
    expect(values.get("All")).toBe("true");
  });

  it("decodes an encoded query", () => {
    const values = splitRawQuery(query({ SchemeName: encodeURIComponent("SS ALEC'S MEWS & CO") }));
    expect(values.get("SchemeName")).toBe("SS ALEC'S MEWS & CO");
  });

  it("accepts names in any case and malformed percent signs", () => {
    const values = splitRawQuery("roll=1&streetname=100%");
    expect(values.get("Roll")).toBe("1");
    expect(values.get("StreetName")).toBe("100%");
  });
});

describe("parseResultQuery", () => {
  it("parses a complete query", () => {
    const parsed = parseResultQuery(query({ Roll: "1", Suburb: "22136", All: "True" }));
    expect(parsed).toMatchObject({ ok: true, criteria: { roll: "full", suburb: "22136", all: true } });
  });

  it("fails like ASP.NET on bad input", () => {
    expect(parseResultQuery("Roll=1&VolumeNo=")).toEqual({ ok: false, error: "missing-parameter" });
    expect(parseResultQuery(query({ Roll: "3" }))).toEqual({ ok: false, error: "bad-roll" });
    expect(parseResultQuery(query({ Roll: "x" }))).toEqual({ ok: false, error: "bad-number" });
    expect(parseResultQuery(query({ Suburb: "abc" }))).toEqual({ ok: false, error: "bad-number" });
    expect(parseResultQuery(query({ All: "yes" }))).toEqual({ ok: false, error: "bad-boolean" });
  });
});
