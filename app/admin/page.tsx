import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { dataHealth } from "@/lib/admin/data-health";
import { listRuns, suburbChoices } from "@/lib/admin/run-queries";
import { isActive } from "@/lib/admin/run-state";
import { adminPageAccess } from "@/lib/auth/admin-page";
import { workerStaleMs, workerStatus } from "@/lib/admin/worker-heartbeat";
import { adminSettings } from "@/lib/auth/admin-settings";
import { recentAudit } from "@/lib/auth/audit-log";
import { sessionJson } from "@/lib/auth/session-json";
import { listActiveSessions } from "@/lib/auth/session-store";
import { config } from "@/lib/config";
import { database } from "@/lib/db/client";
import { listObjectionFacts } from "@/lib/objections/objection-facts";
import { listSuppressions } from "@/lib/owners/owner-suppressions";
import { latestProbes } from "@/lib/probe/site-probes";
import { forgetRollRegistry, rollRegistry } from "@/lib/rolls/roll-registry";
import { AdminHeader } from "./admin-header";
import { AdminOff } from "./admin-off";
import { AuditTable } from "./audit-table";
import { DataHealthPanel } from "./data-health-panel";
import { ObjectionFactsPanel } from "./objection-facts-panel";
import { OwnerSuppressionsPanel } from "./owner-suppressions-panel";
import { SiteProbePanel } from "./probe/site-probe-panel";
import { RollsPanel } from "./rolls-panel";
import { RunHistoryTable } from "./run-history-table";
import { SessionsTable } from "./sessions-table";
import { StartRunForm } from "./start-run-form";

// The admin dashboard: whether a worker is running, start a run, the run queued or going now,
// the site probe, history, data health, the roll registry, the signed-in sessions, the owner suppression list and the
// audit log.

export const dynamic = "force-dynamic";

export default async function AdminPage() {
  const [access, t, states] = await Promise.all([adminPageAccess(), getTranslations("admin"), getTranslations("admin.states")]);
  if (access.state === "signed-out") redirect("/admin/sign-in");
  if (access.state === "off") {
    return (
      <>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <AdminOff availability={access.availability} />
      </>
    );
  }
  const db = database();
  const now = new Date();
  // Read afresh: an edit made through another instance shows at once here.
  forgetRollRegistry(db);
  const registry = await rollRegistry(db);
  const { defaultRoll, ids: rolls } = registry;
  const [runs, health, suburbs, audit, worker, sessions, suppressions, probes, objectionFacts] = await Promise.all([
    listRuns(db, { limit: 25 }, now.getTime()),
    dataHealth(db, { roll: defaultRoll, schedule: config.SCRAPE_SCHEDULE, timezone: config.SCRAPE_SCHEDULE_TIMEZONE, now }),
    suburbChoices(db, defaultRoll),
    recentAudit(db, 20),
    workerStatus(db.pool, workerStaleMs(config.WORKER_POLL_SECONDS)),
    listActiveSessions(db.pool, adminSettings(config).sessionIdleMs),
    listSuppressions(db),
    latestProbes(db, rolls),
    listObjectionFacts(db),
  ]);
  const active = runs.data.filter((run) => isActive(run.state));
  const interrupted = runs.data.filter((run) => run.state === "interrupted");
  return (
    <>
      <AdminHeader who={access.actor.label} />
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {!worker.running && (
        // The worker's state in the page's language (the API's JSON says it in English: NO_WORKER_MESSAGE).
        <p role="status" data-testid="no-worker" className="rounded border border-amber-400 bg-amber-50 p-2">
          {t.rich("page.noWorker", { code: (chunks) => <code>{chunks}</code> })}
        </p>
      )}
      {active.map((run) => (
        <p key={run.id} role="status" className="rounded border border-blue-300 bg-blue-50 p-2">
          {t("page.active", { id: String(run.id), roll: run.roll, state: states(run.state) })}{" "}
          <Link href={`/admin/runs/${run.id}`} className="underline">{t("page.watch", { id: String(run.id) })}</Link>
        </p>
      ))}
      {interrupted.map((run) => (
        <p key={run.id} className="rounded border border-orange-300 bg-orange-50 p-2">
          {t("page.interrupted", { id: String(run.id), roll: run.roll })}{" "}
          <Link href={`/admin/runs/${run.id}`} className="underline">{t("page.resume", { id: String(run.id) })}</Link>
        </p>
      ))}
      <StartRunForm rolls={rolls} defaultRoll={defaultRoll} suburbs={suburbs} />
      <SiteProbePanel probes={probes} rolls={rolls} defaultRoll={defaultRoll} />
      <section aria-labelledby="history" className="space-y-2">
        <h2 id="history" className="text-lg font-semibold">{t("page.history")}</h2>
        <RunHistoryTable runs={runs.data} />
      </section>
      <DataHealthPanel health={health} />
      <RollsPanel rolls={registry.rolls} defaultRoll={defaultRoll} />
      <section aria-labelledby="sessions" className="space-y-2">
        <h2 id="sessions" className="text-lg font-semibold">{t("page.sessions")}</h2>
        <SessionsTable sessions={sessions.map((session) => sessionJson(session, access.actor))} />
      </section>
      <OwnerSuppressionsPanel
        entries={suppressions.map((entry) => ({ ...entry, createdAt: entry.createdAt.toISOString() }))}
        rolls={rolls}
        defaultRoll={defaultRoll}
      />
      <ObjectionFactsPanel
        facts={objectionFacts.map((fact) => ({ ...fact, updatedAt: fact.updatedAt.toISOString() }))}
        rolls={rolls}
        defaultRoll={defaultRoll}
      />
      <section aria-labelledby="audit" className="space-y-2">
        <h2 id="audit" className="text-lg font-semibold">{t("page.audit")}</h2>
        <AuditTable entries={audit} />
      </section>
    </>
  );
}
