import type { AdminSettings } from "./admin-settings";
import { SignInThrottle } from "./sign-in-throttle";

// The web process's one sign-in throttle (kept across dev-server reloads).

const cache = globalThis as unknown as { __adminSignInThrottle?: SignInThrottle };

export function sharedSignInThrottle(settings: AdminSettings): SignInThrottle {
  return (cache.__adminSignInThrottle ??= new SignInThrottle({ maxFailures: settings.maxFailures, lockoutMs: settings.lockoutMs }));
}
