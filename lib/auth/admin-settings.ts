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

/** What can be wrong with the settings, in English; the admin pages word each from their catalogue (messages/<lang>/admin.json, off.problems). */
export const ADMIN_PROBLEMS = {
  passwordWithoutSecret: "ADMIN_PASSWORD is set but SESSION_SECRET is not, so nobody can sign in.",
  secretWithoutPassword: "SESSION_SECRET is set but ADMIN_PASSWORD is not, so nobody can sign in.",
} as const;
export type AdminProblem = keyof typeof ADMIN_PROBLEMS;

/** The problem an English sentence of `problems` names, if it is one of ours. */
export function adminProblemOf(text: string): AdminProblem | null {
  return (Object.keys(ADMIN_PROBLEMS) as AdminProblem[]).find((problem) => ADMIN_PROBLEMS[problem] === text) ?? null;
}

export function adminAvailability(settings: AdminSettings): AdminAvailability {
  const problems: string[] = [];
  if (settings.password !== null && settings.sessionSecret === null) problems.push(ADMIN_PROBLEMS.passwordWithoutSecret);
  if (settings.password === null && settings.sessionSecret !== null) problems.push(ADMIN_PROBLEMS.secretWithoutPassword);
  return { signIn: signInEnabled(settings), token: settings.token !== null, problems };
}

// The steps for switching the admin area on, shown when it is off, are in the admin catalogue (off.steps).
