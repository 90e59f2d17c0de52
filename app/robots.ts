import type { MetadataRoute } from "next";
import { config } from "@/lib/config";
import { robotsRules } from "@/lib/search-engines/indexing-policy";

// robots.txt, read from SEARCH_ENGINE_INDEXING at request time (not baked in at build time).
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return robotsRules(config.SEARCH_ENGINE_INDEXING);
}
