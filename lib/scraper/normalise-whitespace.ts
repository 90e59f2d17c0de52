/** Trims and collapses every run of whitespace (including NBSP, CR, LF and tabs) to one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Like collapseWhitespace, but an empty result becomes null. */
export function textOrNull(text: string): string | null {
  const collapsed = collapseWhitespace(text);
  return collapsed === "" ? null : collapsed;
}
