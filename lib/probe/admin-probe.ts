import { z } from "zod";
import { ROLLS, config } from "@/lib/config";
import type { Database } from "@/lib/db/client";
import { formatProbeSummary } from "./format-probe-summary";
import { probeOptionsFor } from "./probe-options";
import { runProbe } from "./run-probe";
import { storeProbe, storedProbeJson, type StoredProbe } from "./site-probes";

// The probe run from the admin page: in the web server's process (it is a handful of requests),
// one at a time, with tighter limits than the CLI's so the request that asked for it ends in time.

/** The body of POST /api/admin/site-probes. The site's address comes from the configuration, never the request. */
export const runProbeInputSchema = z.strictObject({
  roll: z.enum(ROLLS).default(config.DEFAULT_ROLL),
});

/** Each page's first byte; the site's own database gives up at about 30 s. */
const ADMIN_PROBE_TIMEOUT_MS = 35_000;
/** The whole probe: past this the pages not yet asked for are skipped (the report says so). */
const ADMIN_PROBE_DEADLINE_MS = 120_000;

const running = globalThis as unknown as { __adminProbeRunning?: string };

type AdminProbeOutcome = { kind: "done"; probe: StoredProbe } | { kind: "busy"; roll: string };

export async function runAdminProbe(db: Database, input: z.output<typeof runProbeInputSchema> & { triggeredBy: string }): Promise<AdminProbeOutcome> {
  if (running.__adminProbeRunning) return { kind: "busy", roll: running.__adminProbeRunning };
  running.__adminProbeRunning = input.roll;
  try {
    const options = probeOptionsFor({ roll: input.roll, timeoutMs: ADMIN_PROBE_TIMEOUT_MS, delayMs: config.SCRAPE_DELAY_MS });
    const report = await runProbe({ ...options, signal: AbortSignal.timeout(ADMIN_PROBE_DEADLINE_MS) });
    const stored = await storeProbe(db, { report, summary: formatProbeSummary(report), triggeredBy: input.triggeredBy });
    return { kind: "done", probe: storedProbeJson(stored) };
  } finally {
    delete running.__adminProbeRunning;
  }
}
