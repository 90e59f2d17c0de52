import { database } from "@/lib/db/client";
import type { AdminSettings } from "./admin-settings";
import { SignInThrottle } from "./sign-in-throttle";

// The web process's sign-in throttle, on the shared database's failure counts (kept across
// dev-server reloads).

const cache = globalThis as unknown as { __adminSignInThrottle?: SignInThrottle };

export function sharedSignInThrottle(settings: AdminSettings): SignInThrottle {
  return (cache.__adminSignInThrottle ??= new SignInThrottle(database().pool, { maxFailures: settings.maxFailures, lockoutMs: settings.lockoutMs }));
}
