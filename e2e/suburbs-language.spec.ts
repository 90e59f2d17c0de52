import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { queryStack } from "./stack";

// A suburb's page (with its comparison against another roll) and the changes page in isiZulu:
// the words are isiZulu, the figures are the English page's figures, character for character.

/** English words of these pages that the isiZulu page must not show (it may give "(median)" once, in brackets). */
const ENGLISH_WORDS = ["Middle half", "Median", "median change", "properties", "against", "How values"];

type Reading = { headings: string[]; headers: string[]; figures: string[]; text: string };

/** The page in one language: its headings, the first table's headers, and every figure in <main>. */
async function read(page: Page, context: BrowserContext, baseURL: string, locale: "en" | "zu", path: string, table?: string): Promise<Reading> {
  await context.clearCookies();
  await context.addCookies([{ name: "dvre_locale", value: locale, url: baseURL }]);
  await page.goto(path);
  await expect(page.locator("html")).toHaveAttribute("lang", locale === "zu" ? "zu-ZA" : "en-ZA");
  const main = page.locator("main");
  const headings = (await main.locator("h1, h2, h3").allInnerTexts()).map((text) => text.trim());
  const headers = table ? (await page.getByTestId(table).locator("thead th").allInnerTexts()).map((text) => text.trim()) : [];
  const text = (await main.textContent()) ?? "";
  // "R 1 830 000", "+12,5%", "−3%", "2 530": the numbers as written, whatever words surround them.
  const figures = (text.match(/[−+]?\d+(?:[\u00a0,]\d+)*%?/g) ?? []).sort();
  return { headings, headers, figures, text };
}

test("in isiZulu, a suburb's page and the changes page have isiZulu words and the English page's figures", async ({ page, context, baseURL }) => {
  const [suburb] = await queryStack<{ suburb_id: string }>(
    `SELECT suburb_id FROM valuations WHERE roll = 'gv2022' GROUP BY suburb_id ORDER BY count(*) DESC, suburb_id LIMIT 1`,
  );
  expect(suburb).toBeDefined();

  const suburbPath = `/suburbs/${suburb!.suburb_id}?against=gv2017`;
  const english = await read(page, context, baseURL!, "en", suburbPath, "use-table");
  const zulu = await read(page, context, baseURL!, "zu", suburbPath, "use-table");
  expect(english.headings).toEqual(expect.arrayContaining(["How values are spread", "Change between rolls", "By use", "By rating category"]));
  expect(zulu.headings).toEqual(expect.arrayContaining(["Ukusabalala kwamanani", "Ushintsho phakathi kwezinhlu", "Ngokusetshenziswa", "Ngesigaba sentela"]));
  expect(zulu.headings[0], "the suburb's name is the roll's, not translated").toBe(english.headings[0]);
  expect(english.headers).toEqual(["Use", "Properties", "Lowest", "First quartile", "Median", "Third quartile", "Highest"]);
  expect(zulu.headers).toEqual(["Ukusetshenziswa", "Izakhiwo", "Eliphansi kakhulu", "Ikota yokuqala", "Elimaphakathi", "Ikota yesithathu", "Eliphezulu kakhulu"]);
  await expect(page.getByTestId("change-summary").locator("li[data-share=up]")).toContainText("Enyukile");
  expect(english.figures.length).toBeGreaterThan(20);
  expect(zulu.figures).toEqual(english.figures);
  for (const phrase of ENGLISH_WORDS) expect(zulu.text, phrase).not.toContain(phrase);

  const changesPath = "/changes/gv2022/gv2017";
  const englishChanges = await read(page, context, baseURL!, "en", changesPath);
  const zuluChanges = await read(page, context, baseURL!, "zu", changesPath);
  expect(englishChanges.headings.slice(0, 5)).toEqual(["GV 2022 against GV 2017: what changed", "Overall", "Largest movements by suburb", "Largest movements by use", "On one roll only"]);
  expect(zuluChanges.headings.slice(0, 5)).toEqual([
    "GV 2022 uma kuqhathaniswa ne-GV 2017: okushintshile",
    "Sekukonke",
    "Izinguquko ezinkulu kakhulu ngokwendawo",
    "Izinguquko ezinkulu kakhulu ngokusetshenziswa",
    "Ohlwini olulodwa kuphela",
  ]);
  await expect(page).toHaveTitle(/^GV 2022 uma kuqhathaniswa ne-GV 2017: okushintshile · /);
  expect(englishChanges.figures.length).toBeGreaterThan(20);
  expect(zuluChanges.figures).toEqual(englishChanges.figures);
  for (const phrase of ENGLISH_WORDS) expect(zuluChanges.text, phrase).not.toContain(phrase);
});
