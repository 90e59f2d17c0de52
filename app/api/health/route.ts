import type { Health } from "@/lib/api/health-schema";
import { publicGet } from "@/lib/api/public-get";

// Liveness only: answers without touching the database, so a slow database does not get the web
// process restarted. Not rate limited (load balancers poll it).

export const dynamic = "force-dynamic";

export const GET = publicGet(
  async () => Response.json({ status: "ok" } satisfies Health, { headers: { "Cache-Control": "no-store" } }),
  { rateLimited: false },
);
