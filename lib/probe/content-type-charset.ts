// The charset a Content-Type header names ("text/html; charset=utf-8" → "utf-8"), lower case, or
// null when it names none. Quoted values and odd spacing are accepted, as browsers accept them.
export function contentTypeCharset(contentType: string | null): string | null {
  if (contentType === null) return null;
  for (const parameter of contentType.split(";").slice(1)) {
    const [name, ...rest] = parameter.split("=");
    if (name?.trim().toLowerCase() !== "charset") continue;
    const value = rest.join("=").trim().replace(/^"(.*)"$/, "$1").trim().toLowerCase();
    return value === "" ? null : value;
  }
  return null;
}

/** A TextDecoder for the charset (UTF-8 when none is named), or null when the label is unknown. */
export function decoderFor(charset: string | null): TextDecoder | null {
  try {
    return new TextDecoder(charset ?? "utf-8");
  } catch {
    return null;
  }
}
