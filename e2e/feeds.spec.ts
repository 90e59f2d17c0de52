import { XMLParser, XMLValidator } from "fast-xml-parser";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { searchFor, settled } from "./search-page";
import { queryStack } from "./stack";

// The pages advertise their Atom feeds (<link rel="alternate"> and a Follow link) and the server, as
// deployed, answers each with a feed that tells what the page shows.

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", isArray: (name) => name === "entry" || name === "link" });

type Entry = { title: string; link: { "@_href": string }[] };

async function readFeed(request: APIRequestContext, href: string): Promise<{ title: string; entries: Entry[] }> {
  const answer = await request.get(href);
  expect(answer.status()).toBe(200);
  expect(answer.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const xml = await answer.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const feed = (parser.parse(xml) as { feed: { title: string; entry?: Entry[] } }).feed;
  return { title: String(feed.title), entries: feed.entry ?? [] };
}

/** The page's advertised feed, which must be the same as its Follow link. */
async function advertisedFeed(page: Page, name: RegExp): Promise<string> {
  const follow = page.getByRole("link", { name });
  const href = await follow.getAttribute("href");
  expect(href).toMatch(/^\/api\/feeds\?/);
  await expect(follow).toHaveAttribute("type", "application/atom+xml");
  // Next streams a dynamic page's metadata after its shell: the link arrives with the rest of the document.
  const advertised = page.locator('link[rel="alternate"][type="application/atom+xml"]');
  await expect.poll(() => advertised.evaluateAll((links) => links.map((link) => link.getAttribute("href")))).toContain(href);
  return href!;
}

test("a property page's feed has one entry per change in its history", async ({ page, request }) => {
  const [row] = await queryStack<{ rate_number: string; title_type: string; changes: number }>(
    `SELECT v.rate_number, v.title_type::text, count(*)::integer AS changes FROM valuations v JOIN valuation_changes c ON c.valuation_id = v.id
      WHERE v.roll = 'gv2022' GROUP BY 1, 2 HAVING count(*) > 1 ORDER BY 1 LIMIT 1`,
  );
  expect(row, "a property with more than one change").toBeDefined();
  await page.goto(`/valuations/${row!.rate_number}?title=${row!.title_type}`);
  const href = await advertisedFeed(page, /Follow changes to this property/);
  const feed = await readFeed(request, href);
  expect(feed.entries).toHaveLength(row!.changes);
  await expect(page.getByTestId("history").locator(":scope > li")).toHaveCount(row!.changes);
  for (const entry of feed.entries) expect(entry.link[0]!["@_href"]).toContain(`/valuations/${row!.rate_number}`);
});

test("a suburb page's feed follows that suburb", async ({ page, request }) => {
  const [suburb] = await queryStack<{ suburb_id: string; suburb_name: string }>(
    `SELECT suburb_id, suburb_name FROM valuations WHERE roll = 'gv2022' GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1`,
  );
  await page.goto(`/suburbs/${suburb!.suburb_id}`);
  const feed = await readFeed(request, await advertisedFeed(page, /Follow changes to the properties of/));
  expect(feed.title).toBe(`Changes: ${suburb!.suburb_name} (GV 2022)`);
  expect(feed.entries.length).toBeGreaterThan(0);
});

test("the search page's Follow link follows the search as it is typed", async ({ page, request }) => {
  await page.goto("/");
  await settled(page);
  await searchFor(page, "road");
  await expect(page).toHaveURL(/q=road/);
  const follow = page.getByRole("link", { name: /Follow changes to the properties of this search/ });
  await expect(follow).toHaveAttribute("href", /[?&]q=road(&|$)/);
  const feed = await readFeed(request, (await follow.getAttribute("href"))!);
  expect(feed.title).toBe("Changes: “road” (GV 2022)");
  await page.reload();
  await advertisedFeed(page, /Follow changes to the properties of this search/);
});
