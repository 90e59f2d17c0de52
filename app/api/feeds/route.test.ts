import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiHarness, type ApiHarness } from "@/test-support/api-harness";
import { seedValuations, type SeedSummary } from "@/lib/valuations/testing/seed";

// The Atom feeds through the route handler on a seeded database: each feed parsed with an XML
// parser and held to the rules of RFC 4287 that feed readers rely on (answers are also checked
// against public/openapi.json by the harness).

const PUBLIC_URL = "https://valuations.example.org";
const SETTINGS = { RATE_LIMIT_PER_MINUTE: "1000000", PUBLIC_URL, OWNER_HISTORY_DAYS: "365" };
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const ABSOLUTE_IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;

type Node = Record<string, unknown[] | string | undefined>;
type Link = { rel: string; href: string; type: string | undefined };
type Entry = { id: string; title: string; updated: string; links: Link[]; content: string; summary: string };
type AtomFeed = { id: string; title: string; updated: string; links: Link[]; authors: number; entries: Entry[] };

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute, textNodeName: "#text" });

/** The one child `name` of `node` as text; fails unless there is exactly one. */
function one(node: Node, name: string, where: string): string {
  const children = (node[name] ?? []) as unknown[];
  expect(children, `${where} must have exactly one <${name}>`).toHaveLength(1);
  const child = children[0];
  if (typeof child === "string" || typeof child === "number") return String(child);
  const text = (child as Node)["#text"];
  return Array.isArray(text) ? text.join("") : String(text ?? "");
}

function links(node: Node): Link[] {
  return ((node.link ?? []) as Node[]).map((link) => ({ rel: (link["@_rel"] as string | undefined) ?? "alternate", href: link["@_href"] as string, type: link["@_type"] as string | undefined }));
}

/** Parses an Atom document, failing on any breach of the rules readers rely on. */
function readAtom(xml: string): AtomFeed {
  expect(XMLValidator.validate(xml)).toBe(true);
  const root = parser.parse(xml) as Node;
  const feeds = root.feed as Node[];
  expect(feeds).toHaveLength(1);
  const feed = feeds[0]!;
  expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
  const id = one(feed, "id", "feed");
  const updated = one(feed, "updated", "feed");
  expect(id).toMatch(ABSOLUTE_IRI);
  expect(updated).toMatch(RFC3339);
  const feedLinks = links(feed);
  expect(feedLinks.filter((link) => link.rel === "self"), "one rel=self link").toHaveLength(1);
  expect(feedLinks.filter((link) => link.rel === "alternate"), "at most one alternate link").toHaveLength(1);
  for (const link of feedLinks) expect(link.href).toMatch(/^https?:\/\//);
  const authors = ((feed.author ?? []) as Node[]).length;
  const entries = ((feed.entry ?? []) as Node[]).map((entry, index) => {
    const where = `entry ${index + 1}`;
    const entryLinks = links(entry);
    expect(entryLinks.filter((link) => link.rel === "alternate"), `${where}: one alternate link`).toHaveLength(1);
    const parsed = {
      id: one(entry, "id", where),
      title: one(entry, "title", where),
      updated: one(entry, "updated", where),
      links: entryLinks,
      content: entry.content ? one(entry, "content", where) : "",
      summary: entry.summary ? one(entry, "summary", where) : "",
    };
    expect(parsed.id).toMatch(ABSOLUTE_IRI);
    expect(parsed.updated).toMatch(RFC3339);
    expect(parsed.title.trim()).not.toBe("");
    expect(Date.parse(parsed.updated)).toBeLessThanOrEqual(Date.parse(updated));
    return parsed;
  });
  // A feed without a feed-level author needs one in every entry.
  if (authors === 0) expect(entries.length).toBe(0);
  expect(new Set(entries.map((entry) => entry.id)).size, "entry ids are unique").toBe(entries.length);
  const times = entries.map((entry) => Date.parse(entry.updated));
  expect(times, "newest first").toEqual([...times].sort((a, b) => b - a));
  return { id, title: one(feed, "title", "feed"), updated, links: feedLinks, authors, entries };
}

async function feed(api: ApiHarness, query: string): Promise<{ atom: AtomFeed; xml: string; etag: string | null }> {
  const answer = await api.get(`/api/feeds?${query}`);
  expect(answer.status, answer.text).toBe(200);
  expect(answer.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  return { atom: readAtom(answer.text), xml: answer.text, etag: answer.headers.get("etag") };
}

const rateNumberOf = (entry: Entry) => decodeURIComponent(/\/valuations\/([^?]+)/.exec(entry.links[0]!.href)?.[1] ?? "");

describe("GET /api/feeds", () => {
  let api: ApiHarness;
  let seed: SeedSummary;

  beforeAll(async () => {
    api = await startApiHarness({ ...SETTINGS, OWNER_NAMES: "property" });
    seed = await seedValuations(api.db);
  });
  afterAll(async () => api?.close());

  it("follows one property: its value change, then its first sighting, linked to its page", async () => {
    const rateNumber = seed.changed[0]!;
    const { atom } = await feed(api, `rateNumber=${rateNumber}&title=full`);
    expect(atom.title).toBe(`Changes: property ${rateNumber} · Full Title (GV 2022)`);
    expect(atom.entries.map((entry) => entry.title.split(":")[0])).toEqual(["Market value changed", "Added to the roll"]);
    expect(atom.entries[0]!.content).toContain("(+R\u00a025\u00a0000");
    expect(atom.entries[0]!.links[0]!.href).toBe(`${PUBLIC_URL}/valuations/${rateNumber}?title=full`);
    expect(atom.links.find((link) => link.rel === "self")?.href).toBe(`${PUBLIC_URL}/api/feeds?rateNumber=${rateNumber}&roll=gv2022&title=full`);
    expect(atom.links.find((link) => link.rel === "alternate")?.href).toBe(`${PUBLIC_URL}/valuations/${rateNumber}?roll=gv2022&title=full`);
  });

  it("follows a removed property to its removal", async () => {
    const { atom } = await feed(api, `rateNumber=${seed.removed[0]}&title=full`);
    expect(atom.entries[0]!.title).toMatch(/^No longer on the roll: /);
  });

  it("follows a suburb: every entry is a property of that suburb, and no more than there are changes", async () => {
    const { rows } = await api.db.pool.query<{ suburb_name: string; n: number }>(
      `SELECT v.suburb_name, count(*)::integer AS n FROM valuations v JOIN valuation_changes c ON c.valuation_id = v.id
        WHERE v.roll = 'gv2022' GROUP BY 1 HAVING count(*) BETWEEN 5 AND 90 ORDER BY 2 DESC LIMIT 1`,
    );
    const suburb = rows[0]!;
    const { atom } = await feed(api, `suburb=${encodeURIComponent(suburb.suburb_name.toLowerCase())}`);
    expect(atom.entries).toHaveLength(suburb.n);
    const listed = await api.db.pool.query<{ rate_number: string }>(`SELECT rate_number FROM valuations WHERE roll = 'gv2022' AND suburb_name = $1`, [suburb.suburb_name]);
    const inSuburb = new Set(listed.rows.map((row) => row.rate_number));
    for (const entry of atom.entries) expect(inSuburb.has(rateNumberOf(entry)), entry.title).toBe(true);
  });

  it("follows a sectional scheme in any case: only its units", async () => {
    const { rows } = await api.db.pool.query<{ scheme_name: string; n: number }>(
      `SELECT v.scheme_name, count(*)::integer AS n FROM valuations v JOIN valuation_changes c ON c.valuation_id = v.id
        WHERE v.roll = 'gv2022' AND v.scheme_name IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
    );
    const scheme = rows[0]!;
    const { atom } = await feed(api, `scheme=${encodeURIComponent(scheme.scheme_name.toLowerCase())}`);
    expect(atom.title).toBe(`Changes: scheme ${scheme.scheme_name} (GV 2022)`);
    expect(atom.entries).toHaveLength(scheme.n);
    for (const entry of atom.entries) expect(entry.links[0]!.href).toContain("title=sectional");
  });

  it("follows any search, newest first, at most 100 entries", async () => {
    const { atom } = await feed(api, "ratingCategory=Residential");
    expect(atom.entries).toHaveLength(100);
    expect(atom.entries[0]!.title).toMatch(/changed|No longer/);
    const all = await feed(api, "roll=gv2017");
    expect(all.atom.title).toBe("Changes: every property (GV 2017)");
    expect(all.atom.entries.every((entry) => entry.links[0]!.href.includes("roll=gv2017"))).toBe(true);
  });

  it("gives the same feed the same permanent id whatever the order of its parameters", async () => {
    const a = await feed(api, "suburb=PINETOWN&useCode=15");
    const b = await feed(api, "useCode=15&suburb=PINETOWN&roll=gv2022");
    expect(b.atom.id).toBe(a.atom.id);
    expect(b.atom.entries.map((entry) => entry.id)).toEqual(a.atom.entries.map((entry) => entry.id));
    const other = await feed(api, "suburb=KLOOF");
    expect(other.atom.id).not.toBe(a.atom.id);
  });

  it("answers 304 to a reader that has the current feed", async () => {
    const { etag } = await feed(api, "suburb=PINETOWN");
    expect(etag).toMatch(/^W\/"/);
    const again = await api.get("/api/feeds?suburb=PINETOWN", { "If-None-Match": etag! });
    expect(again.status).toBe(304);
  });

  it("refuses bad parameters with a problem naming each", async () => {
    const answer = await api.get("/api/feeds?minValue=lots&colour=blue&includeRemoved=true");
    expect(answer.status).toBe(400);
    const body = answer.json<{ errors: { parameter: string }[] }>();
    expect(body.errors.map((error) => error.parameter).sort()).toEqual(["colour", "includeRemoved", "minValue"]);
  });
});

/** An owner change on a property, as a deployment under OWNER_NAMES=full records it. */
async function ownerChange(api: ApiHarness, rateNumber: string, from: string, to: string): Promise<void> {
  await api.db.pool.query(
    `INSERT INTO valuation_changes (valuation_id, run_id, kind, fields, before, after, changed_at)
     SELECT id, (SELECT max(id) FROM scrape_runs), 'changed', '{firstOwner}', jsonb_build_object('firstOwner', $2::text), jsonb_build_object('firstOwner', $3::text), now() - interval '1 day'
       FROM valuations WHERE roll = 'gv2022' AND title_type = 'full' AND rate_number = $1`,
    [rateNumber, from, to],
  );
}

describe.each([
  { mode: "full", told: "names" },
  { mode: "property", told: "without names" },
  { mode: "hidden", told: "not at all" },
] as const)("owner changes under OWNER_NAMES=$mode: told $told", ({ mode }) => {
  let api: ApiHarness;
  let seed: SeedSummary;

  beforeAll(async () => {
    api = await startApiHarness({ ...SETTINGS, OWNER_NAMES: mode });
    seed = await seedValuations(api.db);
    await ownerChange(api, seed.changed[0]!, "PREVIOUS OWNER NOMVULA", "CURRENT OWNER SIPHO");
    await ownerChange(api, seed.changed[1]!, "WITHHELD OWNER THANDI", "WITHHELD BUYER LUNGILE");
    await api.db.pool.query(
      `INSERT INTO owner_suppressions (roll, title_type, rate_number, reason, created_by) VALUES ('gv2022', 'full', $1, 'owner asked', 'test')`,
      [seed.changed[1]],
    );
  });
  afterAll(async () => api?.close());

  it("tells the owner change as the setting allows, and never a withheld owner's name", async () => {
    const open = await feed(api, `rateNumber=${seed.changed[0]}&title=full`);
    const withheld = await feed(api, `rateNumber=${seed.changed[1]}&title=full`);
    const everything = await feed(api, "ratingCategory=Residential");
    expect(withheld.xml).not.toMatch(/THANDI|LUNGILE/);
    expect(everything.xml).not.toMatch(/THANDI|LUNGILE/);
    if (mode === "full") {
      expect(open.atom.entries[0]!.content).toContain("First owner: PREVIOUS OWNER NOMVULA → CURRENT OWNER SIPHO");
      expect(withheld.atom.entries[0]!.content).toContain("First owner: changed (owner names are not shown in feeds)");
    } else if (mode === "property") {
      expect(open.xml).not.toMatch(/NOMVULA|SIPHO/);
      expect(open.atom.entries[0]!.content).toContain("First owner: changed (owner names are not shown in feeds)");
    } else {
      expect(open.xml).not.toMatch(/NOMVULA|SIPHO|owner/i);
      expect(open.atom.entries.map((entry) => entry.title.split(":")[0])).toEqual(["Market value changed", "Added to the roll"]);
    }
  });
});
