import type { Database } from "@/lib/db/client";
import type { SiteProbe } from "@/lib/generated/prisma/client";
import { probeReportSchema, type ProbeReport } from "./probe-report";

// The site_probes table: every probe's report, and the latest per roll for the admin page.

/** "ok" in the table: the scraper can run (verdict ok or degraded), as the CLI's exit code 0. */
function probeOk(report: ProbeReport): boolean {
  return report.verdict !== "down";
}

export async function storeProbe(db: Database, input: { report: ProbeReport; summary: string; triggeredBy: string | null }): Promise<SiteProbe> {
  const { report } = input;
  return db.prisma.siteProbe.create({
    data: {
      roll: report.roll,
      baseUrl: report.baseUrl,
      startedAt: new Date(report.startedAt),
      finishedAt: new Date(report.finishedAt),
      ok: probeOk(report),
      report: JSON.parse(JSON.stringify(report)),
      summary: input.summary,
      triggeredBy: input.triggeredBy,
    },
  });
}

export type StoredProbe = {
  id: number;
  roll: string;
  baseUrl: string;
  startedAt: string;
  finishedAt: string | null;
  ok: boolean;
  triggeredBy: string | null;
  summary: string | null;
  /** Null when the stored JSON is not a report this version can read. */
  report: ProbeReport | null;
};

export function storedProbeJson(probe: SiteProbe): StoredProbe {
  const report = probeReportSchema.safeParse(probe.report);
  return {
    id: probe.id,
    roll: probe.roll,
    baseUrl: probe.baseUrl,
    startedAt: probe.startedAt.toISOString(),
    finishedAt: probe.finishedAt?.toISOString() ?? null,
    ok: probe.ok,
    triggeredBy: probe.triggeredBy,
    summary: probe.summary,
    report: report.success ? report.data : null,
  };
}

/** The newest probe of each roll that has one, in the order of `rolls` (the registry's). */
export async function latestProbes(db: Database, rolls: readonly string[]): Promise<StoredProbe[]> {
  const probes = await Promise.all(
    rolls.map((roll) => db.prisma.siteProbe.findFirst({ where: { roll }, orderBy: [{ startedAt: "desc" }, { id: "desc" }] })),
  );
  return probes.filter((probe): probe is SiteProbe => probe !== null).map(storedProbeJson);
}
