import { config } from "@/lib/config";
import { database, exportPool, poolUsage } from "@/lib/db/client";
import { log } from "@/lib/log";
import { checkReadiness } from "@/lib/readiness/check-readiness";
import { shippedMigrationNames } from "@/lib/readiness/migrations-applied";
import { rollRegistry } from "@/lib/rolls/roll-registry";
import { exportSlots } from "@/lib/valuations/open-export";

// Readiness (see lib/readiness/check-readiness.ts): 200 when ready, 503 with the failing checks otherwise, and
// either way how saturated the connection pools are. Not rate limited and not request-logged
// (probes poll it every few seconds); a change of state is.

export const dynamic = "force-dynamic";

let lastStatus: string | undefined;

/** How full this process's pools are (reported, never a reason to be unready): `waiting` > 0 means requests queue for a connection. */
function poolSaturation() {
  return { database: poolUsage(database().pool), exports: { ...poolUsage(exportPool()), slotsInUse: exportSlots().usage().active } };
}

export async function GET(): Promise<Response> {
  let readiness;
  try {
    readiness = await checkReadiness(database().pool, {
      roll: (await rollRegistry(database())).defaultRoll,
      freshnessHours: config.FRESHNESS_HOURS,
      migrations: shippedMigrationNames(),
    });
  } catch (error) {
    log.error("readiness check failed", { error: error as Error });
    return Response.json({ status: "not_ready", error: "the readiness check failed" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
  if (readiness.status !== lastStatus) {
    if (readiness.status === "ready") log.info("ready", { checks: readiness.checks });
    else log.warn("not ready", { checks: readiness.checks });
    lastStatus = readiness.status;
  }
  return Response.json({ ...readiness, pools: poolSaturation() }, { status: readiness.status === "ready" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
