import { describe, expect, it } from "vitest";
import { normaliseAddress } from "./normalise-address";

describe("normaliseAddress", () => {
  it.each([
    ["BRAESIDE ROAD                   , SEA VIEW", "BRAESIDE ROAD, SEA VIEW", null, "BRAESIDE ROAD", "SEA VIEW"],
    ["25  ACACIA CRESCENT, GENAZANO", "25 ACACIA CRESCENT, GENAZANO", "25", "ACACIA CRESCENT", "GENAZANO"],
    [", TONGAAT BEACH RURAL", "TONGAAT BEACH RURAL", null, null, "TONGAAT BEACH RURAL"],
    ["UNKNOWN, KINGSBURGH", "UNKNOWN, KINGSBURGH", null, null, "KINGSBURGH"],
    ["UNKNOWN UNKNOWN, KWAD UNIT S", "UNKNOWN UNKNOWN, KWAD UNIT S", null, null, "KWAD UNIT S"],
    ["0, BLUFF", "0, BLUFF", "0", null, "BLUFF"],
    ["10 211589 STREET, PINETOWN", "10 211589 STREET, PINETOWN", "10", "211589 STREET", "PINETOWN"],
    ["33A XOLANI NGCOBO WALK, NTUZUMA - G", "33A XOLANI NGCOBO WALK, NTUZUMA - G", "33A", "XOLANI NGCOBO WALK", "NTUZUMA - G"],
    ["19 400356, HAMMARSDALE", "19 400356, HAMMARSDALE", "19", "400356", "HAMMARSDALE"],
    ["108937 STREET, AMATIKWE", "108937 STREET, AMATIKWE", null, "108937 STREET", "AMATIKWE"],
    ["48500 TRK, KWANDENGEZI", "48500 TRK, KWANDENGEZI", null, "48500 TRK", "KWANDENGEZI"],
    ["298 FAIRWAY, UMHLALI", "298 FAIRWAY, UMHLALI", "298", "FAIRWAY", "UMHLALI"],
    ["323/9, DRUMMOND", "323/9, DRUMMOND", "323/9", null, "DRUMMOND"],
    ["10R MAIN ROAD, UMLAZI", "10R MAIN ROAD, UMLAZI", "10R", "MAIN ROAD", "UMLAZI"],
    ["5 UNKNOWN, UMLAZI", "5 UNKNOWN, UMLAZI", "5", null, "UMLAZI"],
    ["UMLAZI - E                      , UMLAZI - E", "UMLAZI - E, UMLAZI - E", null, "UMLAZI - E", "UMLAZI - E"],
    ["11 IZINCUNCU  PLACE, KLAARWATER", "11 IZINCUNCU PLACE, KLAARWATER", "11", "IZINCUNCU PLACE", "KLAARWATER"],
    ["400356, HAMMARSDALE", "400356, HAMMARSDALE", null, "400356", "HAMMARSDALE"],
    ["3RD CRESCENT, DURBAN NORTH", "3RD CRESCENT, DURBAN NORTH", null, "3RD CRESCENT", "DURBAN NORTH"],
    ["12 52ND AVENUE, UMLAZI", "12 52ND AVENUE, UMLAZI", "12", "52ND AVENUE", "UMLAZI"],
    ["11TH AVENUE, MOREHILL", "11TH AVENUE, MOREHILL", null, "11TH AVENUE", "MOREHILL"],
  ])("splits %j", (displayed, address, streetNumber, streetName, locality) => {
    expect(normaliseAddress(displayed)).toEqual({ address, streetNumber, streetName, locality });
  });

  it("takes UNKNOWN in any case as no street name, but keeps it as part of one", () => {
    expect(normaliseAddress("unknown Unknown, UMLAZI").streetName).toBeNull();
    expect(normaliseAddress("7 unknown, UMLAZI")).toMatchObject({ streetNumber: "7", streetName: null });
    expect(normaliseAddress("UNKNOWN ROAD, UMLAZI").streetName).toBe("UNKNOWN ROAD");
    expect(normaliseAddress("UNKNOWNS, UMLAZI").streetName).toBe("UNKNOWNS");
  });

  it("takes the locality after the last comma", () => {
    expect(normaliseAddress("UNIT 5, 12 MAIN ROAD , UMHLANGA")).toEqual({
      address: "UNIT 5, 12 MAIN ROAD, UMHLANGA",
      streetNumber: null,
      streetName: "UNIT 5, 12 MAIN ROAD",
      locality: "UMHLANGA",
    });
  });

  it("has no locality without a comma or with nothing after it", () => {
    expect(normaliseAddress("12 MAIN ROAD")).toEqual({
      address: "12 MAIN ROAD",
      streetNumber: "12",
      streetName: "MAIN ROAD",
      locality: null,
    });
    expect(normaliseAddress("12 MAIN ROAD ,  ").locality).toBeNull();
    expect(normaliseAddress("12 MAIN ROAD ,  ").address).toBe("12 MAIN ROAD");
  });

  it("gives an empty address and null parts for an empty cell", () => {
    expect(normaliseAddress("")).toEqual({ address: "", streetNumber: null, streetName: null, locality: null });
    expect(normaliseAddress("   ,   ")).toEqual({ address: "", streetNumber: null, streetName: null, locality: null });
  });
});
