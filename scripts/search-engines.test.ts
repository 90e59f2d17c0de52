import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, createDatabase } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { seedValuations, type SeedSummary } from "@/lib/valuations/testing/seed";
import { assembleWeb, ensureBuild, startStandalone, type StandaloneServer } from "./testing/standalone-server";

// Property pages name their owners, so search engines are kept off them (robots.txt and a robots
// meta tag) unless the deployment sets SEARCH_ENGINE_INDEXING=true; the API and the admin area
// always. Read as a crawler reads them: from the built server (`node server.js`, as the image runs
// it), with a crawler's User-Agent, one server with the default and one that allows indexing.

const CRAWLER = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

let web: { dir: string; remove: () => void };
let testDb: TestDatabase;
let seed: SeedSummary;
let byDefault: StandaloneServer;
let indexing: StandaloneServer;

beforeAll(async () => {
  ensureBuild();
  web = assembleWeb();
  testDb = await createTestDatabase();
  const db = createDatabase(testDb.url, 2);
  try {
    seed = await seedValuations(db);
  } finally {
    await closeDatabase(db);
  }
  const env = { HOSTNAME: "127.0.0.1", DATABASE_URL: testDb.url, CURSOR_SECRET: "search-engines-test-cursor-secret" };
  [byDefault, indexing] = await Promise.all([startStandalone(web.dir, env), startStandalone(web.dir, { ...env, SEARCH_ENGINE_INDEXING: "true" })]);
}, 900_000);

afterAll(async () => {
  await byDefault?.stop();
  await indexing?.stop();
  await testDb?.drop();
  web?.remove();
});

async function crawl(server: StandaloneServer, path: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`http://127.0.0.1:${server.port}${path}`, { headers: { "User-Agent": CRAWLER } });
  return { status: response.status, body: await response.text() };
}

const robotsLines = async (server: StandaloneServer) => (await crawl(server, "/robots.txt")).body.split("\n").filter(Boolean);
const robotsMeta = (html: string) => [...html.matchAll(/<meta name="robots" content="([^"]*)"/g)].map((match) => match[1] ?? "");
const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];

describe("by default", () => {
  it("robots.txt keeps crawlers off property pages, the API and the admin area, and names no sitemap", async () => {
    expect(await robotsLines(byDefault)).toEqual(["User-Agent: *", "Allow: /", "Disallow: /valuations/", "Disallow: /api/", "Disallow: /admin"]);
  });

  it("a property page says noindex, nofollow, and so does a rate number that is not on the roll", async () => {
    const found = await crawl(byDefault, `/valuations/${seed.crossRoll}?title=full`);
    expect(found.status).toBe(200);
    expect(title(found.body)).toMatch(/ \(GV 2022\) · /);
    expect(robotsMeta(found.body)).toEqual(["noindex, nofollow"]);

    const missing = await crawl(byDefault, "/valuations/99999999?title=full");
    expect(missing.status).toBe(404);
    expect(robotsMeta(missing.body).every((content) => content.includes("noindex"))).toBe(true);
    expect(robotsMeta(missing.body)).not.toEqual([]);
  });
});

describe("with SEARCH_ENGINE_INDEXING=true", () => {
  it("robots.txt lets crawlers read property pages, never the API or the admin area", async () => {
    expect(await robotsLines(indexing)).toEqual(["User-Agent: *", "Allow: /", "Disallow: /api/", "Disallow: /admin"]);
  });

  it("a property page may be indexed and followed", async () => {
    const found = await crawl(indexing, `/valuations/${seed.crossRoll}?title=full`);
    expect(found.status).toBe(200);
    expect(robotsMeta(found.body)).toEqual(["index, follow"]);
  });
});
