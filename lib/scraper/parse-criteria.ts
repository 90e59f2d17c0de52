import type { CheerioAPI } from "cheerio";
import { LayoutError } from "./layout-error";
import { assertClosedInSource, childElements, loadHtml, nodeText, type HtmlNode } from "./parse-html";
import { collapseWhitespace } from "./normalise-whitespace";

export type CriteriaOption = { id: string; name: string };
export type CriteriaPage = {
  suburbs: CriteriaOption[];
  /** Full Title only; empty on SearchCrit2.aspx. */
  deedsTowns: CriteriaOption[];
  /** Sectional Title only: the option texts, which are what the site searches by. */
  schemes: string[];
  volumes: string[];
};

export type SearchTypePage = {
  /** Every named input of the WebForms form (view state, event validation, the Go button…). */
  fields: Record<string, string>;
  rollOptions: { value: string; text: string }[];
  /** The roll's data-as-at dates, ISO (2022-02-11), or null when the page does not state them. */
  asAt: { valuations: string | null; ownership: string | null };
};

type Option = { value: string; text: string };

const PLACEHOLDER = /^\[--.*--\]$/;

/** Reads SearchCrit.aspx (Full Title) or SearchCrit2.aspx (Sectional Title). */
export function parseCriteriaPage(html: string): CriteriaPage {
  const $ = loadHtml(html);
  const suburbSelect = $("select[name=drpSuburb]").get()[0];
  if (!suburbSelect) throw new LayoutError('criteria page changed: expected "select[name=drpSuburb]", found none');
  // A cut-off list would silently drop suburbs from the plan.
  assertClosedInSource(html, suburbSelect, "the suburb list");

  const toIdName = ({ value, text }: Option): CriteriaOption => ({ id: value, name: text });
  const schemeSelect = $("select#drpScheme").get()[0] ?? $("select[name=drp]").get()[0];
  if (schemeSelect) assertClosedInSource(html, schemeSelect, "the scheme list");
  return {
    suburbs: realOptions(suburbSelect).map(toIdName),
    deedsTowns: selectOptions($, "select[name=drpDeedsTown]").map(toIdName),
    schemes: schemeSelect ? unique(realOptions(schemeSelect).map((option) => option.text)) : [],
    volumes: selectOptions($, "select[name=drpVolumeNo]").map((option) => option.value),
  };
}

/** Reads SearchType.aspx: the postback form, the roll choices and the data-as-at dates. */
export function parseSearchTypePage(html: string): SearchTypePage {
  const $ = loadHtml(html);
  const rollSelect = $("select[name=drpSearchType]").get()[0];
  if (!rollSelect) {
    throw new LayoutError('search type page changed: expected "select[name=drpSearchType]", found none');
  }

  const fields: Record<string, string> = {};
  for (const input of $("input[name]").get()) {
    const name = input.attribs["name"];
    if (name) fields[name] = input.attribs["value"] ?? "";
  }

  const text = collapseWhitespace($.root().text());
  return {
    fields,
    rollOptions: realOptions(rollSelect),
    asAt: {
      valuations: dateAfter(text, "Property Register and Market Valuations"),
      ownership: dateAfter(text, "Ownership Information"),
    },
  };
}

function selectOptions($: CheerioAPI, selector: string): Option[] {
  const select = $(selector).get()[0];
  return select ? realOptions(select) : [];
}

/**
 * The options of a select without its placeholder (an empty value or "[--Select …--]"). Text is
 * read the way a browser's option.text is (whitespace collapsed), because the site's own script
 * sends that text as the scheme name.
 */
function realOptions(select: HtmlNode): Option[] {
  const options: Option[] = [];
  collectOptions(select, options);
  return options;
}

function collectOptions(parent: HtmlNode, into: Option[]): void {
  for (const node of childElements(parent)) {
    if (node.name !== "option") {
      // Options may sit inside an optgroup.
      collectOptions(node, into);
      continue;
    }
    const text = collapseWhitespace(nodeText(node));
    const value = (node.attribs["value"] ?? text).trim();
    if (value !== "" && !PLACEHOLDER.test(text)) into.push({ value, text });
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

const MONTHS = [
  "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december",
] as const;

/** The "11 February 2022" that follows `label :` in the page text, as "2022-02-11". */
function dateAfter(text: string, label: string): string | null {
  const at = text.indexOf(label);
  if (at < 0) return null;
  const match = /^\s*:\s*(\d{1,2}) ([A-Za-z]+) (\d{4})/.exec(text.slice(at + label.length, at + label.length + 40));
  if (!match) return null;
  const [, day, monthName, year] = match;
  if (!day || !monthName || !year) return null;
  const month = MONTHS.findIndex((name) => name.startsWith(monthName.toLowerCase()) && monthName.length >= 3);
  if (month < 0) return null;
  const iso = `${year}-${String(month + 1).padStart(2, "0")}-${day.padStart(2, "0")}`;
  // Rejects impossible dates such as 31 February.
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso) ? iso : null;
}
