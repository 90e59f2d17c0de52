import type { TitleType } from "@/lib/generated/prisma/enums";
import { parseCriteriaPage, parseSearchTypePage, type CriteriaOption } from "./parse-criteria";
import { SiteDownError } from "./circuit-breaker";
import type { SiteClient } from "./site-client";
import { SEARCH_TYPE_PATH, criteriaPath } from "./site-urls";

// Reads what the site offers: the roll's "as at" dates and, per title type, its suburbs. The dates
// are only a label (SearchType.aspx carries nothing else), so a failure there is a warning and the
// dates stay unknown; the suburbs are the run's plan, so a failure there fails it.

export type SiteDiscovery = {
  asAt: { valuations: string | null; ownership: string | null };
  suburbs: Partial<Record<TitleType, CriteriaOption[]>>;
  /** What went wrong without stopping the run. */
  warnings: string[];
};

export async function discoverSite(client: SiteClient, titleTypes: readonly TitleType[], signal?: AbortSignal): Promise<SiteDiscovery> {
  let asAt: SiteDiscovery["asAt"] = { valuations: null, ownership: null };
  const warnings: string[] = [];
  try {
    asAt = parseSearchTypePage(await client.get(SEARCH_TYPE_PATH)).asAt;
  } catch (error) {
    if (error instanceof SiteDownError || signal?.aborted) throw error;
    warnings.push(`the roll's "as at" dates could not be read from ${SEARCH_TYPE_PATH} (${(error as Error).message}); they are left unknown`);
  }
  const suburbs: SiteDiscovery["suburbs"] = {};
  for (const titleType of titleTypes) {
    suburbs[titleType] = parseCriteriaPage(await client.get(criteriaPath(titleType))).suburbs;
  }
  return { asAt, suburbs, warnings };
}

export type PlannedTask = { titleType: TitleType; suburbId: string; suburbName: string };

/** One task per title type × suburb; with `suburbIds`, only those (each must be on the site's list). */
export function planSuburbTasks(discovery: SiteDiscovery, titleTypes: readonly TitleType[], suburbIds?: readonly string[]): PlannedTask[] {
  const tasks: PlannedTask[] = [];
  for (const titleType of titleTypes) {
    const offered = discovery.suburbs[titleType] ?? [];
    const wanted = suburbIds ? new Set(suburbIds) : null;
    for (const suburb of offered) {
      if (!wanted || wanted.has(suburb.id)) tasks.push({ titleType, suburbId: suburb.id, suburbName: suburb.name });
    }
  }
  if (suburbIds) {
    const known = new Set(titleTypes.flatMap((titleType) => (discovery.suburbs[titleType] ?? []).map((s) => s.id)));
    const unknown = suburbIds.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new Error(`suburb id(s) not on the site's list: ${unknown.join(", ")}`);
  }
  return tasks;
}
