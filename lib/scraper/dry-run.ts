import type { Logger } from "@/lib/log";
import { discoverSite, planSuburbTasks } from "./discover-site";
import { fetchSuburb } from "./fetch-suburb";
import { siteClientSettings, type ScrapeOptions } from "./scrape-options";
import { createSiteClient } from "./site-client";
import { criteriaPath } from "./site-urls";

// --dry-run: the whole fetch-parse-verify-normalise path, with no database at all.

export type DryRunSummary = {
  tasks: number;
  rows: number;
  failures: { titleType: string; suburbId: string; suburbName: string; error: string }[];
  asAt: { valuations: string | null; ownership: string | null };
  requests: number;
};

export async function dryRunScrape(options: ScrapeOptions, log: Logger, signal?: AbortSignal): Promise<DryRunSummary> {
  const client = createSiteClient({
    baseUrl: options.baseUrl,
    ...siteClientSettings(options),
    probePath: criteriaPath("full"),
    signal,
    onRetry: (event) => log.warn("retrying a request", event),
    onPause: (event) => log.warn("site down; paused", { nextTryAt: event.until.toISOString(), lastError: event.lastError }),
  });
  const discovery = await discoverSite(client, options.titleTypes, signal);
  for (const warning of discovery.warnings) log.warn(warning);
  const queue = planSuburbTasks(discovery, options.titleTypes, options.suburbIds);
  const summary: DryRunSummary = { tasks: queue.length, rows: 0, failures: [], asAt: discovery.asAt, requests: 0 };
  const worker = async () => {
    for (let task = queue.shift(); task && !signal?.aborted; task = queue.shift()) {
      try {
        const result = await fetchSuburb(client, { roll: options.roll, ...task });
        summary.rows += result.rows.length;
        log.info("parsed", { titleType: task.titleType, suburbId: task.suburbId, suburbName: task.suburbName, rows: result.rows.length });
      } catch (error) {
        summary.failures.push({ ...task, error: (error as Error).message });
        log.error("task failed", { ...task, error: (error as Error).message });
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  summary.requests = client.requests;
  return summary;
}
