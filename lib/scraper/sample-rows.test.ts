import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normaliseRow } from "./normalise-row";
import { parseResultsPage, type ResultRow } from "./parse-results";

// 1000 real GV2022 Full Title rows (live query RateNumber=534), rendered the way the site's XSLT
// renders them and read back through the parser and the normaliser.

type SampleRow = {
  rate_number: string;
  legal_description: string;
  address: string;
  first_owner: string;
  use_code: string;
  rating_category: string;
  market_value_as_displayed: string;
  registered_extent_commas_stripped: string;
};

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ",") {
      record.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else {
      field += char;
    }
  }
  if (field !== "" || record.length > 0) records.push([...record, field]);
  return records;
}

function readSample(): SampleRow[] {
  const [header, ...records] = parseCsv(
    readFileSync(new URL("../../samples/full-title-rows-ratenumber-534.csv", import.meta.url), "utf8"),
  );
  if (!header) throw new Error("sample CSV is empty");
  return records.map((record) => {
    expect(record).toHaveLength(header.length);
    return Object.fromEntries(header.map((name, index) => [name, record[index] ?? ""])) as SampleRow;
  });
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/'/g, "&#39;");

/** format-number(x, "####,###.##") applied to the sample's comma-free extent. */
const withThousands = (plain: string) => {
  const [whole = "", decimals] = plain.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ",");
  return decimals === undefined ? grouped : `${grouped}.${decimals}`;
};

function renderRow(row: SampleRow, index: number): string {
  const link = (text: string) =>
    `<a class="searchResultTblLink"  alt="Click to View the property profile"  Title="Click to View the property profile"  href="../FramePages/SearchDeatils.aspx?id=${700000 + index}&amp;PType=1&amp;FType=1" onclick="javascript:LoadingLayers();">\r\n                ${escapeHtml(text)}\r\n              </a>`;
  const cell = (content: string, attributes = `align="left"`) =>
    `            <td ${attributes}>\r\n              ${content}\r\n            </td>\r\n`;
  return (
    `          <tr class="color${(index + 1) % 2}">\r\n` +
    cell(link(row.rate_number)) +
    cell(link(row.legal_description)) +
    cell(escapeHtml(row.address)) +
    cell(escapeHtml(row.first_owner)) +
    cell(escapeHtml(row.use_code), `align="left"  width="10%"`) +
    cell(escapeHtml(row.rating_category), `align="left" width="10%"`) +
    cell(row.market_value_as_displayed, `align="right" style="padding-right:2px"`) +
    cell(withThousands(row.registered_extent_commas_stripped), `align="right" style="padding-right:2px"`) +
    `          </tr>\r\n`
  );
}

function renderPage(rows: SampleRow[]): string {
  const banner =
    rows.length >= 1000
      ? `        <tr bgcolor="#9acd32" class="HeaderMessage" >\r\n          <td colspan="9" align="center">Due to resource constraints this search only returns a maximum of 100 records. If the property you're looking for is unavailable in the list, Please refine the Search</td>\r\n        </tr>\r\n`
      : "";
  const headers = ["Rate Number ", "Legal Description", "Address", "First Owner", "Use Code", "Rating Category", "Market Value", "Registered Extent"]
    .map((text) => `          <th align="left">${text}</th>\r\n`)
    .join("");
  return (
    `<!DOCTYPE html>\r\n<html xmlns="http://www.w3.org/1999/xhtml">\r\n<head><title>Search Result</title></head>\r\n<body>\r\n` +
    `    <form method="post" action="./SearchResult.aspx?Roll=1&amp;RateNumber=534" id="form1">\r\n    <div align="center">\r\n` +
    `<html>\r\n  <body>\r\n    <div id="resultPanel">\r\n` +
    `      <table border="1" width="100%" align="left"  class="searchResultTable" cellspacing="1" cellpadding="0">\r\n` +
    banner +
    `        <tr>\r\n          <td colspan="9" class="searchResultCaption">\r\n                  Search Results (Total found records: ${rows.length} )\r\n              </td>\r\n        </tr>\r\n` +
    `        <tr bgcolor="#9acd32" class="SearchResultRowHeader">\r\n${headers}        </tr>\r\n` +
    `        <div>\r\n${rows.map(renderRow).join("")}        </div>\r\n` +
    `      </table>\r\n    </div>\r\n  </body>\r\n</html>\r\n    </div>\r\n    </form>\r\n</body>\r\n</html>\r\n`
  );
}

describe("the 1000 real sample rows", () => {
  const sample = readSample();
  const page = parseResultsPage(renderPage(sample));
  const rows: ResultRow[] = page.kind === "rows" ? page.rows : [];
  const context = { roll: "gv2022", titleType: "full", suburbId: "22136", suburbName: "AMANZIMTOTI" } as const;
  const normalised = rows.map((row) => normaliseRow(row, context));

  it("are all found, with the caption total and the 1000-row banner", () => {
    expect(sample).toHaveLength(1000);
    expect(page).toMatchObject({ kind: "rows", total: 1000, limitBanner: true });
    expect(rows).toHaveLength(1000);
    expect(rows.map((row) => row.pin)).toEqual(sample.map((_, index) => String(700000 + index)));
  });

  it("keep every displayed cell, entities decoded once", () => {
    rows.forEach((row, index) => {
      const source = sample[index];
      expect(row.cells).toEqual({
        rateNumber: source?.rate_number,
        legalDescription: source?.legal_description,
        address: source?.address,
        firstOwner: source?.first_owner,
        useCode: source?.use_code,
        ratingCategory: source?.rating_category,
        marketValue: source?.market_value_as_displayed,
        registeredExtent: withThousands(source?.registered_extent_commas_stripped ?? ""),
      });
    });
  });

  it("keep rate numbers as text with their leading zeros", () => {
    const padded = normalised.filter((row) => row.rateNumber.startsWith("0"));
    expect(padded.length).toBeGreaterThan(50);
    expect(normalised.map((row) => row.rateNumber)).toEqual(sample.map((row) => row.rate_number));
    expect(normalised.every((row) => /^\d{8}$/.test(row.rateNumber))).toBe(true);
  });

  it("have market values equal to the displayed number, null where the cell is empty", () => {
    normalised.forEach((row, index) => {
      const displayed = sample[index]?.market_value_as_displayed ?? "";
      expect(row.marketValue).toBe(displayed === "" ? null : Number(displayed.replaceAll(",", "")));
    });
    expect(normalised.filter((row) => row.marketValue === null)).toHaveLength(7);
  });

  it("have the sample's registered extent", () => {
    normalised.forEach((row, index) => {
      expect(row.registeredExtent).toBe(Number(sample[index]?.registered_extent_commas_stripped));
    });
  });

  it("have a use code that parses back into the displayed text", () => {
    normalised.forEach((row, index) => {
      const displayed = sample[index]?.use_code ?? "";
      if (displayed === "") {
        expect(row).toMatchObject({ useCode: null, useDescription: null });
      } else {
        expect(Number.isInteger(row.useCode)).toBe(true);
        expect(`${row.useDescription} (${row.useCode})`).toBe(displayed);
      }
    });
    expect(normalised.filter((row) => row.useCode === null)).toHaveLength(1);
  });

  it("all parse into erf and township", () => {
    const parsed = normalised.filter((row) => row.erfNumber !== null && row.township !== null);
    expect(parsed).toHaveLength(1000);
    expect(normalised.filter((row) => row.portionNumber !== null)).toHaveLength(146);
    expect(normalised.filter((row) => row.isRemainder)).toHaveLength(40);
    expect(normalised.filter((row) => row.isFarm)).toHaveLength(4);
    expect(normalised.filter((row) => row.schemeName !== null || row.sectionNumber !== null)).toHaveLength(0);
  });

  it("all have an address with a locality and no padding", () => {
    for (const row of normalised) {
      expect(row.locality).not.toBeNull();
      expect(row.address).not.toMatch(/\s{2}|\s,|^,/);
      expect(row.address.endsWith(row.locality ?? "")).toBe(true);
    }
  });

  it("have a lower-case search text led by the rate number", () => {
    for (const row of normalised) {
      expect(row.searchText.startsWith(`${row.rateNumber} `)).toBe(true);
      expect(row.searchText).toBe(row.searchText.toLowerCase());
      expect(row.searchText).not.toMatch(/\s{2}/);
    }
  });
});
