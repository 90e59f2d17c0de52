import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { CATALOGUES } from "./catalogues";
import { LOCALES } from "./locales";

// The catalogues a speaker edits: every key in both languages, every message valid ICU with the
// same placeholders and tags as English, nothing left empty, and every file on disk loaded.

const MESSAGES_DIR = path.join(process.cwd(), "messages");

type Leaf = { key: string; value: unknown };

function leaves(value: unknown, prefix = ""): Leaf[] {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
  }
  return [{ key: prefix, value }];
}

/** The names of a message's arguments and tags, e.g. ["arg:count", "tag:link"]. */
function placeholders(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.tag) {
      found.add(`tag:${element.value}`);
      placeholders(element.children, found);
    } else if (element.type === TYPE.plural || element.type === TYPE.select) {
      found.add(`arg:${element.value}`);
      for (const option of Object.values(element.options)) placeholders(option.value, found);
    } else if (element.type !== TYPE.literal && element.type !== TYPE.pound) {
      found.add(`arg:${element.value}`);
    }
  }
  return found;
}

const english = new Map(leaves(CATALOGUES.en).map((leaf) => [leaf.key, leaf.value]));

describe("the message catalogues", () => {
  it("load every file under messages/, and the same files for each language", () => {
    for (const locale of LOCALES) {
      const files = readdirSync(path.join(MESSAGES_DIR, locale)).filter((file) => file.endsWith(".json")).map((file) => file.replace(/\.json$/, ""));
      expect(files.sort(), locale).toEqual(Object.keys(CATALOGUES[locale]).sort());
      for (const file of files) {
        expect(JSON.parse(readFileSync(path.join(MESSAGES_DIR, locale, `${file}.json`), "utf8")), `${locale}/${file}`).toEqual(CATALOGUES[locale][file as keyof (typeof CATALOGUES)["en"]]);
      }
    }
  });

  for (const locale of LOCALES) {
    const messages = new Map(leaves(CATALOGUES[locale]).map((leaf) => [leaf.key, leaf.value]));

    it(`${locale}: has every key English has, and no other`, () => {
      expect([...messages.keys()].filter((key) => !english.has(key)), "keys only in this catalogue").toEqual([]);
      expect([...english.keys()].filter((key) => !messages.has(key)), "keys missing from this catalogue").toEqual([]);
    });

    it(`${locale}: every message is a non-empty string, valid ICU, with English's placeholders and tags`, () => {
      const problems: string[] = [];
      for (const [key, text] of messages) {
        // next-intl compiles the catalogues at build time (next.config.mjs), which takes strings only.
        if (typeof text !== "string" || text.trim() === "") {
          problems.push(`${key}: not a non-empty string`);
          continue;
        }
        try {
          const mine = [...placeholders(parse(text))].sort();
          const theirs = [...placeholders(parse(String(english.get(key) ?? "")))].sort();
          if (mine.join() !== theirs.join()) problems.push(`${key}: placeholders ${mine.join(" ")} but English has ${theirs.join(" ")}`);
        } catch (error) {
          problems.push(`${key}: not valid ICU (${(error as Error).message})`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
