import { z } from "zod";
import { LayoutError } from "./layout-error";
import { normaliseAddress } from "./normalise-address";
import { parseMarketValue } from "./normalise-money";
import { parseRegisteredExtent } from "./normalise-extent";
import { parseUseCode } from "./normalise-use-code";
import { collapseWhitespace, textOrNull } from "./normalise-whitespace";
import { assertClosedInSource, childElements, hasClass, loadHtml, nodeText, type HtmlElement } from "./parse-html";

/**
 * A property profile (SearchDeatils.aspx). Stored as JSON and served by the API. Text fields are
 * null when the page leaves them empty or does not have them: Full Title pages carry erf and
 * township, Sectional Title pages section and scheme.
 */
export const propertyDetailSchema = z.object({
  rateNumber: z.string().nullable(),
  propertyDescription: z.string().nullable(),
  address: z.string().nullable(),
  /** Square metres. */
  registeredExtent: z.number().nullable(),
  erfNumber: z.string().nullable(),
  deedsTownship: z.string().nullable(),
  sectionNumber: z.string().nullable(),
  schemeName: z.string().nullable(),
  schemeNumber: z.string().nullable(),
  sraCode: z.string().nullable(),
  useCode: z.number().int().nullable(),
  useDescription: z.string().nullable(),
  ratingCategory: z.string().nullable(),
  governmentCode: z.string().nullable(),
  exemptions: z.string().nullable(),
  rebates: z.string().nullable(),
  phasingIn: z.string().nullable(),
  exclusions: z.string().nullable(),
  propertyType: z.string().nullable(),
  /** Whole rand. */
  marketValue: z.number().int().nullable(),
  /** Every owner, in the site's order; the results list shows only the first. */
  owners: z.array(z.string()),
});

export type PropertyDetail = z.infer<typeof propertyDetailSchema>;

type TextField = Exclude<
  keyof PropertyDetail,
  "registeredExtent" | "useCode" | "useDescription" | "marketValue" | "owners"
>;

// Captions as the page prints them, lower-cased with whitespace collapsed and no space around "/".
const TEXT_CAPTIONS: Readonly<Record<string, TextField>> = {
  "rate number": "rateNumber",
  "property description": "propertyDescription",
  "erf number": "erfNumber",
  "deeds township/farm": "deedsTownship",
  "section number": "sectionNumber",
  "scheme name": "schemeName",
  "scheme number": "schemeNumber",
  "sra code": "sraCode",
  "rating category": "ratingCategory",
  "government code": "governmentCode",
  exemptions: "exemptions",
  rebates: "rebates",
  "phasing in": "phasingIn",
  exclusions: "exclusions",
  "property type": "propertyType",
};

const REQUIRED_SECTIONS = ["divPropertDetails", "divValuations", "divOwnsers"] as const;

/** Reads a property profile page. Unknown captions are ignored; a page missing a section is a LayoutError. */
export function parseDetailsPage(html: string): PropertyDetail {
  const $ = loadHtml(html);
  for (const id of REQUIRED_SECTIONS) {
    if ($(`div#${id}`).length === 0) {
      throw new LayoutError(`property details page changed: expected "div#${id}", found none`);
    }
  }
  // The owners come last: a page cut off in transfer would silently lose some.
  const owners = $("div#divOwnsers").get()[0];
  if (owners) assertClosedInSource(html, owners, "the owners list");

  const detail: PropertyDetail = {
    rateNumber: null,
    propertyDescription: null,
    address: null,
    registeredExtent: null,
    erfNumber: null,
    deedsTownship: null,
    sectionNumber: null,
    schemeName: null,
    schemeNumber: null,
    sraCode: null,
    useCode: null,
    useDescription: null,
    ratingCategory: null,
    governmentCode: null,
    exemptions: null,
    rebates: null,
    phasingIn: null,
    exclusions: null,
    propertyType: null,
    marketValue: null,
    owners: [],
  };

  for (const [caption, value] of captionValuePairs($("table.tblInner tr").get())) {
    const key = captionKey(nodeText(caption));
    const text = nodeText(value);
    const field = TEXT_CAPTIONS[key];
    if (key === "address") {
      detail.address = textOrNull(normaliseAddress(text).address);
    } else if (field) {
      detail[field] = textOrNull(text);
    } else if (key.startsWith("registered extent")) {
      detail.registeredExtent = parseRegisteredExtent(text);
    } else if (key === "market value") {
      detail.marketValue = parseMarketValue(text);
    } else if (key === "use code") {
      Object.assign(detail, parseUseCode(collapseWhitespace(text)));
    }
  }

  for (const cell of $("div#divOwnsers td.tdContaint").get()) {
    const name = textOrNull(nodeText(cell));
    if (name) detail.owners.push(name);
  }
  return detail;
}

/** Each `td.widowRowCaption` with the `td.tdContaint` that follows it in the same row. */
function captionValuePairs(rows: HtmlElement[]): [HtmlElement, HtmlElement][] {
  const pairs: [HtmlElement, HtmlElement][] = [];
  for (const row of rows) {
    const cells = childElements(row, "td");
    cells.forEach((cell, index) => {
      const next = cells[index + 1];
      if (next && hasClass(cell, "widowRowCaption") && hasClass(next, "tdContaint")) pairs.push([cell, next]);
    });
  }
  return pairs;
}

function captionKey(caption: string): string {
  return collapseWhitespace(caption).toLowerCase().replace(/ ?\/ ?/g, "/");
}
