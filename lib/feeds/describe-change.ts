import { cellNumber, formatCellValue } from "@/lib/format/format-cell-change";
import { fieldLabel } from "@/lib/format/field-labels";
import { formatPercentChange } from "@/lib/format/format-number";
import { formatRandChange } from "@/lib/format/format-rand";

// One recorded change as a feed entry's words: a title a feed reader lists, and the lines of its body.

export type ChangeKind = "added" | "changed" | "removed" | "restored";

/** How an owner change may be told: with the names, as "changed" without them, or not at all. */
export type OwnerTelling = "names" | "without-names" | "omit";

export type FeedChange = {
  kind: ChangeKind;
  fields: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  property: { rateNumber: string; address: string; legalDescription: string; suburbName: string };
};

export type ChangeWords = { title: string; lines: string[] };

const OWNER_FIELD = "firstOwner";
/** What an added, removed or restored property's entry lists about it (never its owners). */
const SUMMARY_FIELDS = ["marketValue", "ratingCategory", "useCode", "registeredExtent", "legalDescription"] as const;

const KIND_TITLES: Record<ChangeKind, string> = {
  added: "Added to the roll",
  changed: "Changed",
  removed: "No longer on the roll",
  restored: "Back on the roll",
};

function propertyName(property: FeedChange["property"]): string {
  const place = property.address || property.legalDescription;
  return place ? `${property.rateNumber}, ${place}` : property.rateNumber;
}

function valueDifference(before: unknown, after: unknown): string {
  const from = cellNumber(before);
  const to = cellNumber(after);
  if (from === null || to === null) return "";
  const percent = from === 0 ? "" : `, ${formatPercentChange(((to - from) / from) * 100)}`;
  return ` (${formatRandChange(to - from)}${percent})`;
}

function changedLine(change: FeedChange, field: string, owners: OwnerTelling): string | null {
  const label = fieldLabel(field);
  if (field === OWNER_FIELD) {
    if (owners === "omit") return null;
    const recorded = Object.hasOwn(change.before ?? {}, field) || Object.hasOwn(change.after ?? {}, field);
    if (owners === "without-names" || !recorded) return `${label}: changed (owner names are not shown in feeds)`;
  }
  const from = formatCellValue(field, change.before?.[field]);
  const to = formatCellValue(field, change.after?.[field]);
  const difference = field === "marketValue" ? valueDifference(change.before?.[field], change.after?.[field]) : "";
  return `${label}: ${from} → ${to}${difference}`;
}

function summaryLines(values: Record<string, unknown> | null): string[] {
  if (values === null) return [];
  return SUMMARY_FIELDS.filter((field) => Object.hasOwn(values, field)).map((field) => `${fieldLabel(field)}: ${formatCellValue(field, values[field])}`);
}

/** The entry's words, or null when nothing in the change may be told (an owner change where owners are hidden). */
export function describeChange(change: FeedChange, owners: OwnerTelling): ChangeWords | null {
  const name = propertyName(change.property);
  const lines = change.fields.map((field) => changedLine(change, field, owners)).filter((line) => line !== null);
  if (change.kind === "added" || change.kind === "removed") {
    return { title: `${KIND_TITLES[change.kind]}: ${name}`, lines: summaryLines(change.kind === "added" ? change.after : change.before) };
  }
  if (change.kind === "restored") {
    return { title: `${KIND_TITLES.restored}: ${name}`, lines: lines.length > 0 ? lines : ["Listed again as it was before."] };
  }
  if (lines.length === 0) return null;
  const told = change.fields.filter((field) => field !== OWNER_FIELD || owners !== "omit").map((field) => fieldLabel(field).toLowerCase());
  return { title: `${sentenceCase(told.join(", "))} changed: ${name}`, lines };
}

const sentenceCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
