import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { config } from "@/lib/config";
import { adminAvailability, adminSettings, type AdminAvailability } from "./admin-settings";
import { database } from "@/lib/db/client";
import type { AdminActor } from "./authenticate";
import { authenticateRequest } from "./authenticate-request";

// The server-side gate of every admin page. Pages call this first; nothing about runs or data is
// read before it has passed.

export type AdminPageAccess = { state: "off"; availability: AdminAvailability } | { state: "signed-out" } | { state: "signed-in"; actor: AdminActor };

export async function adminPageAccess(): Promise<AdminPageAccess> {
  const settings = adminSettings(config);
  const availability = adminAvailability(settings);
  if (!availability.signIn) return { state: "off", availability };
  const outcome = await authenticateRequest({ method: "GET", headers: await headers() }, settings, database().pool);
  return outcome.ok ? { state: "signed-in", actor: outcome.actor } : { state: "signed-out" };
}

/** The signed-in admin, or a redirect to the sign-in page (or to /admin, which explains how to turn it on). */
export async function requireAdminPage(): Promise<AdminActor> {
  const access = await adminPageAccess();
  if (access.state === "signed-in") return access.actor;
  redirect(access.state === "off" ? "/admin" : "/admin/sign-in");
}
