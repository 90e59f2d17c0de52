import type { Config } from "@/lib/config";

// What the admin area can do with the configured environment: browser sign-in needs
// ADMIN_PASSWORD and SESSION_SECRET; API automation needs ADMIN_TOKEN. With neither, it is off.

export type AdminSettings = {
  password: string | null;
  sessionSecret: string | null;
  token: string | null;
  sessionLifetimeMs: number;
  sessionIdleMs: number;
  maxFailures: number;
  lockoutMs: number;
  allowedOrigins: readonly string[];
};

export function adminSettings(config: Config): AdminSettings {
  return {
    password: config.ADMIN_PASSWORD ?? null,
    sessionSecret: config.SESSION_SECRET ?? null,
    token: config.ADMIN_TOKEN ?? null,
    sessionLifetimeMs: config.ADMIN_SESSION_HOURS * 3_600_000,
    sessionIdleMs: config.ADMIN_SESSION_IDLE_MINUTES * 60_000,
    maxFailures: config.ADMIN_SIGN_IN_MAX_FAILURES,
    lockoutMs: config.ADMIN_LOCKOUT_MINUTES * 60_000,
    allowedOrigins: config.ADMIN_ALLOWED_ORIGINS,
  };
}

export function signInEnabled(settings: AdminSettings): settings is AdminSettings & { password: string; sessionSecret: string } {
  return settings.password !== null && settings.sessionSecret !== null;
}

export type AdminAvailability = { signIn: boolean; token: boolean; problems: string[] };

export function adminAvailability(settings: AdminSettings): AdminAvailability {
  const problems: string[] = [];
  if (settings.password !== null && settings.sessionSecret === null) problems.push("ADMIN_PASSWORD is set but SESSION_SECRET is not, so nobody can sign in.");
  if (settings.password === null && settings.sessionSecret !== null) problems.push("SESSION_SECRET is set but ADMIN_PASSWORD is not, so nobody can sign in.");
  return { signIn: signInEnabled(settings), token: settings.token !== null, problems };
}

/** Plain-English steps for switching the admin area on, shown when it is off. */
export const ENABLE_ADMIN_STEPS = [
  "Choose a password of 12 or more characters and hash it: npx tsx scripts/hash-password.ts (it reads the password from standard input and prints scrypt:…).",
  "Set ADMIN_PASSWORD to that scrypt:… line (or to the password itself) and SESSION_SECRET to a random string of at least 32 characters, e.g. the output of: openssl rand -base64 48",
  "For scripts, also set ADMIN_TOKEN and send it as: Authorization: Bearer <token>",
  "Restart the app. `npm run demo` does all this for you and prints a one-time password.",
] as const;
