import { dataHealth } from "@/lib/admin/data-health";
import { adminRoute } from "@/lib/auth/admin-route";
import { config } from "@/lib/config";
import { rollRegistry } from "@/lib/rolls/roll-registry";

// GET: rows per roll and title (now and per complete run), last successful runs, anomalies and
// freshness against SCRAPE_SCHEDULE, for monitoring scripts.

export const dynamic = "force-dynamic";

export const GET = adminRoute(async (_request, { db }) =>
  Response.json(
    await dataHealth(db, { roll: (await rollRegistry(db)).defaultRoll, schedule: config.SCRAPE_SCHEDULE, timezone: config.SCRAPE_SCHEDULE_TIMEZONE, now: new Date() }),
  ),
);
