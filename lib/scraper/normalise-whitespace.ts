const WHITESPACE_RUN = /\s+/g;
// Whitespace that collapsing would change: anything but a plain space, or two spaces in a row.
const COLLAPSIBLE = /[^\S ]| {2}/;

/** Trims and collapses every run of whitespace (including NBSP, CR, LF and tabs) to one space. */
export function collapseWhitespace(text: string): string {
  // Most cells are already collapsed; testing is a scan, replacing builds a new string.
  return COLLAPSIBLE.test(text) ? text.replace(WHITESPACE_RUN, " ").trim() : text.trim();
}

/** Like collapseWhitespace, but an empty result becomes null. */
export function textOrNull(text: string): string | null {
  const collapsed = collapseWhitespace(text);
  return collapsed === "" ? null : collapsed;
}
