import { Feed } from "feed";
import { describeChange } from "./describe-change";
import type { FeedEntryChange } from "./list-feed-changes";
import { nameUuid } from "./name-uuid";

// The Atom document of a feed, written by the `feed` library. Titles and bodies are HTML (the
// library marks them type="html"), so every text is escaped first.

export type AtomFeedInput = {
  /** Names what the feed follows (its canonical query): the feed's permanent id. */
  key: string;
  title: string;
  /** Absolute URLs: the feed itself, the page it follows, and a property page for an entry. */
  selfUrl: string;
  pageUrl: string;
  propertyUrl: (change: FeedEntryChange) => string;
  /** When the feed last changed: its newest entry, else when the data was last refreshed. */
  updated: Date;
  changes: FeedEntryChange[];
};

const SITE_NAME = "Durban Valuation Roll Explorer";

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";

export function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

export function buildAtomFeed(input: AtomFeedInput): string {
  const feed = new Feed({
    id: nameUuid(`feed\n${input.key}`),
    title: input.title,
    description: "Changes to eThekwini Municipality's valuation roll, as each nightly scrape of the roll finds them.",
    link: input.pageUrl,
    feedLinks: { atom: input.selfUrl },
    updated: input.updated,
    generator: SITE_NAME,
    author: { name: SITE_NAME },
    copyright: "Valuation roll data published by eThekwini Municipality",
    language: "en",
  });
  for (const change of input.changes) {
    const words = describeChange(change, change.owners);
    if (words === null) continue;
    const body = words.lines.length > 0 ? `<ul>${words.lines.map((line) => `<li>${escapeHtml(line)}</li>`).join("")}</ul>` : "";
    feed.addItem({
      id: nameUuid(`valuation-change\n${change.id}`),
      title: escapeHtml(words.title),
      link: input.propertyUrl(change),
      date: change.changedAt,
      description: escapeHtml(words.lines.join("; ") || words.title),
      ...(body !== "" ? { content: `${body}<p>Found by scrape run ${change.runId}.</p>` } : {}),
    });
  }
  return feed.atom1();
}
