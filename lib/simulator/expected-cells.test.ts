import { describe, expect, it } from "vitest";
import { displayedCells } from "./display-property";
import { detailHrefOf, expectedCells } from "./expected-cells";
import { generateSite } from "./generate-site";
import { oddCellOf } from "./odd-cells";

const props = [...generateSite({ seed: 7, rows: 3000 }).rolls.gv2022.properties()];

describe("expectedCells", () => {
  it("is the default display when no switch is on", () => {
    for (const p of props.slice(0, 200)) {
      const expected = expectedCells(p, { oddCells: { share: 0 }, detailTypesFromData: false }, 7);
      expect(expected).toEqual({
        cells: displayedCells(p),
        marketValue: p.marketValue,
        registeredExtent: p.registeredExtent,
        oddCell: null,
        detailHref: `../FramePages/SearchDeatils.aspx?id=${p.pin}&PType=${p.titleType === "full" ? 1 : 2}&FType=${p.titleType === "full" ? 1 : 2}`,
      });
    }
  });

  it("gives a share of rows one odd cell, deterministically, and stores null for it", () => {
    const share = 0.1;
    const odd = props.filter((p) => oddCellOf(7, p, share) !== null);
    expect(odd.length).toBeGreaterThan(props.length * 0.07);
    expect(odd.length).toBeLessThan(props.length * 0.13);
    expect(props.filter((p) => oddCellOf(7, p, share) !== null)).toEqual(odd);
    expect(props.filter((p) => oddCellOf(8, p, share) !== null)).not.toEqual(odd);
    for (const p of odd) {
      const e = expectedCells(p, { oddCells: { share }, detailTypesFromData: true }, 7);
      const column = e.oddCell!.column;
      const index = column === "marketValue" ? 6 : 7;
      const kind = e.oddCell!.kind;
      if (kind === "negative") expect(e.cells[index]).toMatch(/^-\d/);
      else expect(e.cells[index]).toBe(kind === "nan" ? "NaN" : "");
      expect(e[column]).toBeNull();
      const other = column === "marketValue" ? "registeredExtent" : "marketValue";
      expect(e[other]).toBe(p[other]);
      expect(e.cells.filter((_, i) => i !== index)).toEqual(displayedCells(p).filter((_, i) => i !== index));
    }
    expect(props.every((p) => oddCellOf(7, p, 0) === null)).toBe(true);
  });

  it("writes the data's PType/FType into the link when asked", () => {
    const p = props.find((q) => q.titleType === "sectional")!;
    expect(detailHrefOf(p, true)).toBe(`../FramePages/SearchDeatils.aspx?id=${p.pin}&PType=${p.propType}&FType=${p.formType}`);
  });
});
