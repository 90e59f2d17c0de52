// A Node module hook for the browser tests: a JSON file imported the way the app imports it (no
// `with { type: "json" }`, which the bundler and vitest do not need) is read as JSON. Specs import
// lib/ code that reads the message catalogues (lib/format/format-words.ts, lib/i18n/catalogues.ts).

export async function load(url, context, nextLoad) {
  if (url.startsWith("file:") && url.endsWith(".json") && context.importAttributes?.type !== "json") {
    return nextLoad(url, { ...context, importAttributes: { ...context.importAttributes, type: "json" } });
  }
  return nextLoad(url, context);
}
