import { notFound } from "next/navigation";
import { runDetail } from "@/lib/admin/run-queries";
import { runIdSchema } from "@/lib/admin/start-run-input";
import { workerStaleMs } from "@/lib/admin/worker-heartbeat";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { config } from "@/lib/config";
import { database } from "@/lib/db/client";
import { AdminHeader } from "../../admin-header";
import { RunMonitor } from "./run-monitor";

// One run, live: the server renders it as it is now, then RunMonitor polls the API every second.

export const dynamic = "force-dynamic";

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireAdminPage();
  const id = runIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const detail = await runDetail(database(), id.data, workerStaleMs(config.WORKER_POLL_SECONDS));
  if (!detail) notFound();
  return (
    <>
      <AdminHeader who={actor.label} />
      <RunMonitor initial={detail} />
    </>
  );
}
