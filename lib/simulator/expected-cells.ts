import { displayedCells } from "./display-property";
import { formatXsltNumber } from "./format-number";
import { oddCellOf, type OddCell } from "./odd-cells";
import type { RealBehaviour } from "./real-behaviour";
import type { SimProperty } from "./sim-types";

/** What one results row shows and what a correct scraper stores for it. */
export interface ExpectedCells {
  /** The 8 cells as the page prints them (text, before HTML escaping; padding kept). */
  cells: string[];
  /** What to store: the true value, or null when the cell is odd (`NaN`, empty for zero, negative). */
  marketValue: number | null;
  registeredExtent: number | null;
  /** The odd cell of this row, if any (at most one per row). */
  oddCell: OddCell | null;
  /** The property profile link as the row gives it (the `href` attribute with `&amp;` decoded). */
  detailHref: string;
}

/** The switches that change what a row shows. */
export type CellBehaviour = Pick<RealBehaviour, "oddCells" | "detailTypesFromData">;

/**
 * The detail link of a property. The XSLT writes `PType={PropType}&FType={FormType}` from the
 * database; the default profile writes the title type (1 Full, 2 Sectional) into both.
 */
export function detailHrefOf(p: SimProperty, fromData: boolean): string {
  const title = p.titleType === "full" ? 1 : 2;
  const pType = fromData ? p.propType : title;
  const fType = fromData ? p.formType : title;
  return `../FramePages/SearchDeatils.aspx?id=${p.pin}&PType=${pType}&FType=${fType}`;
}

/** The row of one property under the given switches (`seed` is the site's: it picks the odd cells). */
export function expectedCells(p: SimProperty, behaviour: CellBehaviour, seed: number): ExpectedCells {
  const cells = displayedCells(p);
  const oddCell = oddCellOf(seed, p, behaviour.oddCells.share);
  let marketValue = p.marketValue;
  let registeredExtent = p.registeredExtent;
  if (oddCell) {
    cells[oddCell.column === "marketValue" ? 6 : 7] = formatXsltNumber(oddCell.value, oddCell.column === "marketValue" ? "####,###" : "####,###.##");
    if (oddCell.column === "marketValue") marketValue = null;
    else registeredExtent = null;
  }
  return { cells, marketValue, registeredExtent, oddCell, detailHref: detailHrefOf(p, behaviour.detailTypesFromData) };
}
