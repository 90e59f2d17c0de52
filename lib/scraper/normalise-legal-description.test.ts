import { describe, expect, it } from "vitest";
import { parseLegalDescription } from "./normalise-legal-description";

const none = {
  erfNumber: null,
  portionNumber: null,
  isRemainder: false,
  township: null,
  isFarm: false,
  schemeName: null,
  sectionNumber: null,
};

describe("parseLegalDescription", () => {
  it.each([
    ["ERF 18288 of PINETOWN", { erfNumber: "18288", township: "PINETOWN" }],
    ["Portion 16 of ERF 74 of AMANZIMTOTI", { portionNumber: "16", erfNumber: "74", township: "AMANZIMTOTI" }],
    ["REM of ERF 506 of KINGSBURGH", { isRemainder: true, erfNumber: "506", township: "KINGSBURGH" }],
    [
      "REM of Portion 209 of ERF 1575 of COTTON LANDS NO. 1575",
      { isRemainder: true, portionNumber: "209", erfNumber: "1575", township: "COTTON LANDS NO. 1575" },
    ],
    [
      "REM of Portion 11 of ERF 1 of the farm PIEZANG REVIER NO. 805",
      { isRemainder: true, portionNumber: "11", erfNumber: "1", township: "PIEZANG REVIER NO. 805", isFarm: true },
    ],
    [
      "Portion 609 of ERF 978 of FARM WATERFALL NO. 978",
      { portionNumber: "609", erfNumber: "978", township: "FARM WATERFALL NO. 978", isFarm: true },
    ],
    ["ERF 1507 OF LOT 10", { erfNumber: "1507", township: "LOT 10" }],
    ["REM OF ERF 1502 OF CATO MANOR", { isRemainder: true, erfNumber: "1502", township: "CATO MANOR" }],
    ["ERF 1066 of EKUPHUMELELENI i", { erfNumber: "1066", township: "EKUPHUMELELENI i" }],
    ["Portion 4 of ERF 2619 of CLIFTON No. 2619", { portionNumber: "4", erfNumber: "2619", township: "CLIFTON No. 2619" }],
    ["  ERF  18288 of\r\n PINETOWN ", { erfNumber: "18288", township: "PINETOWN" }],
  ])("reads the Full Title description %j", (text, parts) => {
    expect(parseLegalDescription(text)).toEqual({ ...none, ...parts });
  });

  it.each([
    ["SECTION 5 of SS ALEC'S MEWS", "SS ALEC'S MEWS", "5"],
    ["SS ALEC'S MEWS SECTION 5", "SS ALEC'S MEWS", "5"],
    ["Section 12 OF SS 4 A B & C THE AVENUE", "SS 4 A B & C THE AVENUE", "12"],
    ["SS 4 A B & C THE AVENUE SECTION 12", "SS 4 A B & C THE AVENUE", "12"],
    ["SS HOUSE OF ORANGE SECTION 3", "SS HOUSE OF ORANGE", "3"],
    ["SECTION 3 of SS HOUSE OF ORANGE", "SS HOUSE OF ORANGE", "3"],
  ])("reads the Sectional Title description %j", (text, schemeName, sectionNumber) => {
    expect(parseLegalDescription(text)).toEqual({ ...none, schemeName, sectionNumber });
  });

  it.each(["", "LOT 5 PINETOWN", "ERF of PINETOWN", "Portion 3 of PINETOWN", "SECTION of SS X"])(
    "gives every part null for the unknown %j, without throwing",
    (text) => {
      expect(parseLegalDescription(text)).toEqual(none);
    },
  );
});
