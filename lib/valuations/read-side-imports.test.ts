import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The read side (the API's queries, the pages and their components) shares nothing with the
// scraper but what lib/valuations declares (the fields, the displayed cells): it is built without
// importing the scraper. Tests and their test data (testing/) may store rows through the scraper.

const ROOT = path.join(import.meta.dirname, "..", "..");
const READ_SIDE = ["lib/valuations", "lib/pages", "app", "components"];
const SCRAPER = path.join(ROOT, "lib", "scraper");
const SPECIFIER = /(?:from\s+|import\s*\(\s*)["']([^"']+)["']/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "testing" ? [] : sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

function importsScraper(file: string): string[] {
  const specifiers = [...readFileSync(file, "utf8").matchAll(SPECIFIER)].map((match) => match[1]!);
  return specifiers.filter((specifier) => {
    const target = specifier.startsWith("@/") ? path.join(ROOT, specifier.slice(2)) : path.resolve(path.dirname(file), specifier);
    return specifier.startsWith(".") || specifier.startsWith("@/") ? target === SCRAPER || target.startsWith(SCRAPER + path.sep) : false;
  });
}

describe("the read side", () => {
  it("imports nothing from lib/scraper", () => {
    const files = READ_SIDE.flatMap((dir) => sourceFiles(path.join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(50);
    const offending = files.flatMap((file) => importsScraper(file).map((specifier) => `${path.relative(ROOT, file)}: ${specifier}`));
    expect(offending).toEqual([]);
  });
});
