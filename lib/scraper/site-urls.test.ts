import { describe, expect, it } from "vitest";
import { VOLUME_NUMBERS, criteriaPath, detailLinkPath, searchResultPath } from "./site-urls";

describe("searchResultPath", () => {
  it("sends all twelve parameters in the site's order", () => {
    const path = searchResultPath({ titleType: "full", suburbId: "22136" });
    expect(path).toBe(
      "FramePages/SearchResult.aspx?Roll=1&VolumeNo=&RateNumber=&StreetNo=&StreetName=&Suburb=22136&ERF=&Portion=&DeedsTown=&SchemeName=&SectionNumber=&All=false",
    );
  });

  it("uses Roll=2 for sectional title and encodes scheme names with & and '", () => {
    const path = searchResultPath({ titleType: "sectional", schemeName: "SS 4 A B & C THE AVENUE" });
    expect(path).toContain("Roll=2&");
    expect(path).toContain("SchemeName=SS%204%20A%20B%20%26%20C%20THE%20AVENUE&");
    expect(new URL(path, "http://x/").searchParams.get("SchemeName")).toBe("SS 4 A B & C THE AVENUE");
    expect(new URL(searchResultPath({ titleType: "sectional", schemeName: "SS ALEC'S MEWS" }), "http://x/").searchParams.get("SchemeName")).toBe("SS ALEC'S MEWS");
  });

  it("sends All=true only for a whole scheme, as the site's form does", () => {
    expect(searchResultPath({ titleType: "sectional", schemeName: "SS ALEC'S MEWS" })).toMatch(/&All=false$/);
    expect(searchResultPath({ titleType: "sectional", schemeName: "SS ALEC'S MEWS", wholeScheme: true })).toMatch(/&All=true$/);
    expect(() => searchResultPath({ titleType: "sectional", wholeScheme: true })).toThrow(/needs a scheme name/);
    expect(searchResultPath({ titleType: "full", suburbId: "1", volumeNo: "07" })).toMatch(/&All=false$/);
  });

  it("filters by volume when asked", () => {
    expect(searchResultPath({ titleType: "full", suburbId: "1", volumeNo: "07" })).toContain("VolumeNo=07&");
  });
});

describe("other paths", () => {
  it("names the criteria page per title type", () => {
    expect(criteriaPath("full")).toBe("FramePages/SearchCrit.aspx");
    expect(criteriaPath("sectional")).toBe("FramePages/SearchCrit2.aspx");
  });

  it("follows a profile link as given, resolved against the results page", () => {
    const href = "../FramePages/SearchDeatils.aspx?id=123456&PType=9&FType=4";
    expect(detailLinkPath(href, "http://valuation2022.durban.gov.za/")).toBe("FramePages/SearchDeatils.aspx?id=123456&PType=9&FType=4");
    expect(detailLinkPath("SearchDeatils.aspx?id=1&PType=1&FType=1", "http://sim:4010/gv2017/")).toBe("FramePages/SearchDeatils.aspx?id=1&PType=1&FType=1");
    expect(() => detailLinkPath("http://elsewhere.example/x", "http://valuation2022.durban.gov.za/")).toThrow(/leads off the site/);
  });

  it("lists volumes 01 to 89", () => {
    expect(VOLUME_NUMBERS).toHaveLength(89);
    expect(VOLUME_NUMBERS[0]).toBe("01");
    expect(VOLUME_NUMBERS.at(-1)).toBe("89");
  });
});
