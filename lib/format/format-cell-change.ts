import { formatExtent } from "./format-extent";
import { formatRand } from "./format-rand";

/** A displayed cell as a change record holds it; the site's "1,830,000" amounts in South African form. */
export function formatCellValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  if (/^\d{1,3}(,\d{3})*(\.\d+)?$/.test(text)) {
    const number = Number(text.replace(/,/g, ""));
    if (field === "marketValue") return formatRand(number);
    if (field === "registeredExtent") return formatExtent(number);
  }
  return text;
}

/** The site's "1,830,000" as a number; null for an empty or odd cell. */
export function cellNumber(value: unknown): number | null {
  if (typeof value !== "string" || !/^-?\d{1,3}(,\d{3})*(\.\d+)?$/.test(value)) return null;
  return Number(value.replace(/,/g, ""));
}
