import type { Metadata, MetadataRoute } from "next";

// Whether search engines may index property pages. Off by default: a property page shows its owners
// (as the official site does), and a search engine would make them findable by name, which the
// roll's purpose does not need. The API and the admin area are never for crawlers. No sitemap of
// properties is published either way.

export const NO_CRAWL_PATHS = ["/api/", "/admin"] as const;
export const PROPERTY_PAGES = "/valuations/";

export function robotsRules(indexing: boolean): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: indexing ? [...NO_CRAWL_PATHS] : [PROPERTY_PAGES, ...NO_CRAWL_PATHS] }],
  };
}

/** The `robots` metadata of a property page: noindex, nofollow unless the deployment allows indexing. */
export function propertyPageRobots(indexing: boolean): Metadata["robots"] {
  return indexing ? { index: true, follow: true } : { index: false, follow: false };
}
