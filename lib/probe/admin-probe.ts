import { z } from "zod";
import { config } from "@/lib/config";
import { registeredRollSchema } from "@/lib/rolls/roll-param";
import { findRoll, type RollRegistry } from "@/lib/rolls/roll-registry";
import type { Database } from "@/lib/db/client";
import { formatProbeSummary } from "./format-probe-summary";
import { probeOptionsFor } from "./probe-options";
import { runProbe } from "./run-probe";
import { storeProbe, storedProbeJson, type StoredProbe } from "./site-probes";

// The probe run from the admin page: in the web server's process (it is a handful of requests),
// one at a time, with tighter limits than the CLI's so the request that asked for it ends in time.

/** The body of POST /api/admin/site-probes: a roll of the registry. The site's address comes from the registry (or VALUATION_BASE_URL), never the request. */
export const runProbeInputSchema = (registry: RollRegistry) =>
  z.strictObject({
    roll: registeredRollSchema(registry.ids).default(registry.defaultRoll),
  });

/** Each page's first byte; the site's own database gives up at about 30 s. */
const ADMIN_PROBE_TIMEOUT_MS = 35_000;
/** The whole probe: past this the pages not yet asked for are skipped (the report says so). */
const ADMIN_PROBE_DEADLINE_MS = 120_000;

const running = globalThis as unknown as { __adminProbeRunning?: string };

type AdminProbeOutcome = { kind: "done"; probe: StoredProbe } | { kind: "busy"; roll: string };

/** The site a probe of the roll reads, as a scrape would: VALUATION_BASE_URL when set, else the roll's base URL in the registry. */
export function probedBaseUrl(registry: RollRegistry, roll: string): string | null {
  return config.VALUATION_BASE_URL ?? findRoll(registry, roll)?.baseUrl ?? null;
}

export type AdminProbeInput = { roll: string; baseUrl: string; triggeredBy: string };

export async function runAdminProbe(db: Database, input: AdminProbeInput): Promise<AdminProbeOutcome> {
  if (running.__adminProbeRunning) return { kind: "busy", roll: running.__adminProbeRunning };
  running.__adminProbeRunning = input.roll;
  try {
    const options = probeOptionsFor({ roll: input.roll, baseUrl: input.baseUrl, timeoutMs: ADMIN_PROBE_TIMEOUT_MS, delayMs: config.SCRAPE_DELAY_MS });
    const report = await runProbe({ ...options, signal: AbortSignal.timeout(ADMIN_PROBE_DEADLINE_MS) });
    const stored = await storeProbe(db, { report, summary: formatProbeSummary(report), triggeredBy: input.triggeredBy });
    return { kind: "done", probe: storedProbeJson(stored) };
  } finally {
    delete running.__adminProbeRunning;
  }
}
