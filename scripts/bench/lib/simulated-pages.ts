import type { TitleType } from "@/lib/generated/prisma/enums";
import { discoverSite, planSuburbTasks, type PlannedTask, type SiteDiscovery } from "@/lib/scraper/discover-site";
import type { SiteClient } from "@/lib/scraper/site-client";
import { searchResultPath } from "@/lib/scraper/site-urls";
import { generateSite, type SimSite } from "@/lib/simulator/generate-site";
import { routeRequest } from "@/lib/simulator/route-request";

// The simulator's results pages rendered in this process (no HTTP): what the parse and ingest
// benchmarks feed on. One page per title type × suburb, exactly what a full scrape fetches.

export const TITLE_TYPES: TitleType[] = ["full", "sectional"];
const ROLL = "gv2022";

export type SimulatedRoll = { site: SimSite; discovery: SiteDiscovery; tasks: PlannedTask[]; render: (task: PlannedTask) => string };

export async function simulatedRoll(rows: number, seed: number): Promise<SimulatedRoll> {
  const site = generateSite({ seed, rows });
  const get = (path: string) => routeRequest(site, { method: "GET", url: `/${ROLL}/${path}`, body: "" }, { truncateAbove: null }).body;
  let requests = 0;
  const client: SiteClient = {
    get: async (path) => {
      requests += 1;
      return get(path);
    },
    get requests() {
      return requests;
    },
    pausedUntil: null,
  };
  const discovery = await discoverSite(client, TITLE_TYPES);
  const tasks = planSuburbTasks(discovery, TITLE_TYPES);
  return { site, discovery, tasks, render: (task) => get(searchResultPath(task)) };
}
